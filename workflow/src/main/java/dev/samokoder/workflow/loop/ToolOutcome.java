package dev.samokoder.workflow.loop;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one tool call did.
 *
 * @param result   what the model reads back: bounded, never empty ("no output" rather than nothing)
 * @param summary  one line that stands in for the result when the conversation is condensed
 * @param activity what the timeline shows ("read src/server.js, lines 1–40"); empty for calls not worth a line
 * @param path     the file the call was about, if one
 * @param changed  true when it changed the workspace
 * @param error    true when the call was refused or failed (the model is told why in {@code result})
 * @param facts    small facts for the timeline beside the activity (the lines read, the file a rename came from)
 */
public record ToolOutcome(String result, String summary, Optional<String> activity, Optional<String> path, boolean changed, boolean error,
                          Map<String, String> facts) {

    public ToolOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(activity, "activity");
        Objects.requireNonNull(path, "path");
        facts = Map.copyOf(facts);
        if (result.isBlank()) {
            result = "(no output)";
        }
    }

    public static ToolOutcome ok(String result, String summary, String activity, String path, boolean changed) {
        return new ToolOutcome(result, summary, Optional.of(activity), Optional.ofNullable(path), changed, false, Map.of());
    }

    /** A refused or failed call: the model reads why and what to do instead. */
    public static ToolOutcome error(String result, String path) {
        return new ToolOutcome("Error: " + result, "error: " + oneLine(result), Optional.empty(), Optional.ofNullable(path), false, true,
                Map.of("reason", oneLine(result)));
    }

    /** The same outcome with more facts for the timeline. */
    public ToolOutcome with(String fact, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(facts);
        more.put(fact, value);
        return new ToolOutcome(result, summary, activity, path, changed, error, more);
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= 160 ? line : line.substring(0, 159) + "…";
    }
}
