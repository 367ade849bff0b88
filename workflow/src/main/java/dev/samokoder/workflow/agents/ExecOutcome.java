package dev.samokoder.workflow.agents;

import dev.samokoder.core.blob.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a failed execution in the sandbox left: the command, its exit code and its output, capped
 * by the sandbox. The fix agents read it; its signature tells a repeated failure from a new one.
 *
 * @param execution the execution's number within its task (0 when it is not one of a task's)
 */
public record ExecOutcome(List<String> command, int exitCode, String output, boolean timedOut, int execution) {

    /**
     * What differs between two runs of the same failure and is blanked out of its signature, in
     * order: timings (with a unit, and test runners' unitless ones), dates and times, source
     * positions (a fix that adds a line moves every line number below it), temporary paths, ids,
     * addresses, ports and long numbers such as epoch times.
     */
    private static final List<Normalization> NORMALIZATIONS = List.of(
            new Normalization("\\d+(\\.\\d+)?\\s*(ms|s|µs|ns)\\b", "<t>"),
            new Normalization("(?i)(duration|elapsed|time)([_a-z]*)([\"':= ]+)\\d+(\\.\\d+)?", "$1$2$3<t>"),
            new Normalization("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?", "<time>"),
            new Normalization("(\\.[A-Za-z]{1,5})(:\\d+){1,2}\\b", "$1:<line>"),
            new Normalization("(?i)\\b(line|ln)\\s*\\d+", "$1 <line>"),
            new Normalization("(/tmp|/var/folders|/var/tmp|/private/tmp)/[^\\s'\"():,]+", "<tmp>"),
            new Normalization("(?i)\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b", "<id>"),
            new Normalization("0x[0-9a-fA-F]+", "<addr>"),
            new Normalization("\\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\\d)[0-9a-f]{12,}\\b", "<id>"),
            new Normalization(":\\d{2,5}\\b", ":<port>"),
            new Normalization("\\b\\d{10,}\\b", "<n>"),
            new Normalization("\\s+", " "));

    private record Normalization(Pattern pattern, String replacement) {
        Normalization(String regex, String replacement) {
            this(Pattern.compile(regex), replacement);
        }
    }

    public ExecOutcome {
        command = List.copyOf(command);
    }

    public ExecOutcome(List<String> command, int exitCode, String output, boolean timedOut) {
        this(command, exitCode, output, timedOut, 0);
    }

    /**
     * The failure's signature: the command, how it ended, and its output with what differs between
     * two runs of the same failure blanked out (see {@link #NORMALIZATIONS}).
     */
    public String failureHash() {
        return BlobStore.sha256((String.join(" ", command) + "\n" + exitCode + "\n" + timedOut + "\n" + normalized())
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The output as its signature sees it. */
    String normalized() {
        String text = output;
        for (Normalization normalization : NORMALIZATIONS) {
            text = normalization.pattern().matcher(text).replaceAll(normalization.replacement());
        }
        return text.strip();
    }
}
