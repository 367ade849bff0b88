package dev.samokoder.workflow.tools;

import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.StepMemory;
import dev.samokoder.workflow.loop.ToolOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * edit_file: replaces one exact piece of a file. The quoted text must be in the file exactly once;
 * when it is not, the model is shown where it is several times, or the file's lines nearest to what
 * it quoted, and sends only the corrected edit. Line numbers copied from read_file are recognised
 * and ignored. A file must have been read in the step before it is edited.
 */
final class EditFileTool implements AgentTool {

    /** read_file's gutter, when a model copies it into old_text. */
    private static final Pattern GUTTER = Pattern.compile("^\\s*\\d+" + ReadFileTool.GUTTER + "?");
    /** Lines shown around the nearest match. */
    private static final int CONTEXT = 3;
    /** Lines of the file compared when looking for the nearest match. */
    private static final int MAX_COMPARED_LINES = 5_000;
    private static final int COMPARED_CHARS = 120;

    private final ProjectFiles files;
    private final WritePolicy policy;
    private final int maxFileChars;

    EditFileTool(ProjectFiles files, WritePolicy policy, int maxFileChars) {
        this.files = files;
        this.policy = policy;
        this.maxFileChars = maxFileChars;
    }

    @Override
    public ToolSpec spec() {
        var schema = ToolSchema.object(List.of("path", "old_text", "new_text"));
        ToolSchema.string(schema, "path", "the file, relative to the project's root", 1024);
        ToolSchema.string(schema, "old_text", "the exact text to replace, as it is in the file now (whole lines, indentation included, "
                + "without read_file's line numbers)", maxFileChars);
        ToolSchema.string(schema, "new_text", "what replaces it; an empty string deletes it", maxFileChars);
        return new ToolSpec("edit_file", "Change an existing file by replacing one exact piece of it. old_text must appear in the file "
                + "exactly once, character for character; include enough surrounding lines to make it unique. Read the file in this "
                + "step first. For several changes, call edit_file several times.", schema);
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public ToolOutcome run(JsonNode arguments, StepMemory memory) {
        ToolTarget target = ToolTarget.changeable(arguments, "path", policy);
        if (target.refused()) {
            return target.refusal().orElseThrow();
        }
        String name = target.name();
        ToolTarget.Text text = target.text(files, "; it cannot be edited");
        if (text.refusal().isPresent()) {
            return text.refusal().get();
        }
        Optional<String> current = text.content();
        if (current.isEmpty()) {
            return ToolOutcome.error(name + " does not exist: create it with write_file.", name);
        }
        if (!memory.readPaths().contains(name)) {
            return ToolOutcome.error("read " + name + " with read_file first: an edit must quote the file's current text exactly.", name);
        }
        String content = current.get();
        String oldText = arguments.path("old_text").asText();
        String newText = arguments.path("new_text").asText();
        if (oldText.isEmpty()) {
            return ToolOutcome.error("old_text is empty: quote the lines to replace (to add to the end of a file, quote its last lines "
                    + "and repeat them in new_text followed by the addition).", name);
        }
        String note = "";
        List<Integer> at = occurrences(content, oldText);
        if (at.isEmpty()) {
            Optional<String> unnumbered = withoutGutters(oldText);
            if (unnumbered.isPresent() && occurrences(content, unnumbered.get()).size() == 1) {
                oldText = unnumbered.get();
                newText = withoutGutters(newText).orElse(newText);
                at = occurrences(content, oldText);
                note = " (the line numbers you copied from read_file were left out)";
            }
        }
        if (at.size() > 1) {
            List<Integer> lines = at.stream().map(offset -> lineOf(content, offset)).toList();
            return ToolOutcome.error("old_text appears " + at.size() + " times in " + name + " (at lines "
                    + String.join(", ", lines.stream().limit(10).map(String::valueOf).toList())
                    + "). Include more of the surrounding lines so that it matches exactly once.", name);
        }
        if (at.isEmpty()) {
            return ToolOutcome.error(notFound(name, content, oldText), name);
        }
        String result = content.substring(0, at.getFirst()) + newText + content.substring(at.getFirst() + oldText.length());
        if (result.length() > maxFileChars) {
            return ToolOutcome.error("after this edit " + name + " would be " + result.length() + " characters; a file may have at most "
                    + maxFileChars + ". Split it into smaller modules.", name);
        }
        files.write(target.get(), result, Optional.empty());
        memory.markWritten(name);
        int first = lineOf(content, at.getFirst());
        int last = first + Math.max(0, ToolSchema.lineCount(newText) - 1);
        String where = newText.isEmpty() ? "removed text at line " + first : "lines " + first + "–" + last + " now";
        return ToolOutcome.ok("Edited " + name + ": " + where + note + ". It has " + ToolSchema.lineCount(result) + " lines.",
                "edited " + name + " at line " + first, "edited " + name + " (at line " + first + ")", name, true)
                .with("line", Integer.toString(first));
    }

    static List<Integer> occurrences(String content, String text) {
        List<Integer> at = new ArrayList<>();
        for (int from = content.indexOf(text); from >= 0; from = content.indexOf(text, from + 1)) {
            at.add(from);
        }
        return at;
    }

    /** The text with read_file's line-number gutter taken off every line, when every non-blank line has one. */
    static Optional<String> withoutGutters(String text) {
        String[] lines = text.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            var matcher = GUTTER.matcher(lines[i]);
            if (!matcher.find()) {
                if (!lines[i].isBlank()) {
                    return Optional.empty();
                }
                out.append(lines[i]);
            } else {
                out.append(lines[i].substring(matcher.end()));
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        return Optional.of(out.toString());
    }

    private static int lineOf(String content, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Why old_text was not found, and the file's lines nearest to it, numbered as read_file shows them. */
    static String notFound(String name, String content, String oldText) {
        String[] lines = ReadFileTool.lines(content);
        String[] quoted = ReadFileTool.lines(oldText);
        Optional<Integer> loose = looseMatch(lines, quoted);
        if (loose.isPresent()) {
            int first = loose.get();
            return "old_text is not in " + name + " exactly: it matches lines " + (first + 1) + "–" + (first + quoted.length)
                    + " only when spaces and indentation are ignored. Copy them exactly as they are:\n"
                    + numbered(lines, first, first + quoted.length - 1);
        }
        String probe = "";
        for (String line : quoted) {
            if (!line.isBlank()) {
                probe = line.strip();
                break;
            }
        }
        int best = 0;
        double bestScore = -1;
        for (int i = 0; i < Math.min(lines.length, MAX_COMPARED_LINES); i++) {
            double score = similarity(probe, lines[i].strip());
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        if (lines.length == 0) {
            return "old_text is not in " + name + ": the file is empty.";
        }
        int from = Math.max(0, best - CONTEXT);
        int to = Math.min(lines.length - 1, best + Math.max(quoted.length, 1) - 1 + CONTEXT);
        return "old_text is not in " + name + ". The file's lines nearest to it are (read_file numbering; the numbers are not part "
                + "of the file):\n" + numbered(lines, from, to) + "\nRead the file again if it may have changed, then send the edit "
                + "with old_text copied exactly.";
    }

    private static Optional<Integer> looseMatch(String[] lines, String[] quoted) {
        if (quoted.length == 0) {
            return Optional.empty();
        }
        outer:
        for (int i = 0; i + quoted.length <= lines.length; i++) {
            for (int j = 0; j < quoted.length; j++) {
                if (!squeezed(lines[i + j]).equals(squeezed(quoted[j]))) {
                    continue outer;
                }
            }
            return Optional.of(i);
        }
        return Optional.empty();
    }

    private static String squeezed(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }

    private static String numbered(String[] lines, int from, int to) {
        StringBuilder out = new StringBuilder();
        int width = Integer.toString(to + 1).length();
        for (int i = from; i <= to; i++) {
            out.append(String.format("%" + width + "d", i + 1)).append(ReadFileTool.GUTTER).append(lines[i]).append('\n');
        }
        return out.toString();
    }

    /** 1 − edit distance / longer length, on the first characters of each line. */
    static double similarity(String a, String b) {
        String x = a.length() > COMPARED_CHARS ? a.substring(0, COMPARED_CHARS) : a;
        String y = b.length() > COMPARED_CHARS ? b.substring(0, COMPARED_CHARS) : b;
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        int[] previous = new int[y.length() + 1];
        int[] row = new int[y.length() + 1];
        for (int j = 0; j <= y.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length(); i++) {
            row[0] = i;
            for (int j = 1; j <= y.length(); j++) {
                int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
                row[j] = Math.min(Math.min(row[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = row;
            row = swap;
        }
        return 1.0 - (double) previous[y.length()] / Math.max(x.length(), y.length());
    }
}
