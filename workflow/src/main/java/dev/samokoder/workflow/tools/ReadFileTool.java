package dev.samokoder.workflow.tools;

import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.StepMemory;
import dev.samokoder.workflow.loop.ToolOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** read_file: a numbered window of a file's lines, like a viewer, never a whole large file at once. */
public final class ReadFileTool implements AgentTool {

    /** Lines one call shows. */
    static final int WINDOW = 250;
    /** Characters one line shows; a longer line (minified code) is cut with a note. */
    static final int MAX_LINE = 400;
    /** The separator between a line's number and its text. */
    static final String GUTTER = "│ ";

    private final ProjectFiles files;

    public ReadFileTool(ProjectFiles files) {
        this.files = files;
    }

    @Override
    public ToolSpec spec() {
        var schema = ToolSchema.object(List.of("path"));
        ToolSchema.string(schema, "path", "the file, relative to the project's root, e.g. src/server.js", 1024);
        ToolSchema.integer(schema, "start_line", "the first line to show (lines count from 1); default 1");
        ToolSchema.integer(schema, "end_line", "the last line to show; default start_line + " + (WINDOW - 1));
        return new ToolSpec("read_file", "Read a file's lines, numbered ('  12│ code'; the numbers and '│ ' are not part of the file). "
                + "Shows at most " + WINDOW + " lines per call; start_line and end_line pick the window. Read a file before you "
                + "edit it: edit_file must quote its current text exactly.", schema);
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolOutcome run(JsonNode arguments, StepMemory memory) {
        ToolTarget target = ToolTarget.named(arguments, "path");
        if (target.refused()) {
            return target.refusal().orElseThrow();
        }
        String name = target.name();
        ToolTarget.Text text = target.text(files, "");
        if (text.refusal().isPresent()) {
            return text.refusal().get();
        }
        Optional<String> content = text.content();
        if (content.isEmpty()) {
            return ToolOutcome.error(name + " does not exist. list_files shows the files there are.", name);
        }
        memory.markRead(name);
        String[] lines = lines(content.get());
        if (lines.length == 0) {
            return ToolOutcome.ok(name + " is empty (0 lines).", "read " + name + ": empty", "read " + name + " (empty)", name, false);
        }
        int start = Math.max(1, arguments.path("start_line").asInt(1));
        if (start > lines.length) {
            return ToolOutcome.error(name + " has " + lines.length + " lines; start_line " + start + " is past its end.", name);
        }
        int end = Math.min(lines.length, arguments.has("end_line") ? Math.max(start, arguments.get("end_line").asInt()) : start + WINDOW - 1);
        end = Math.min(end, start + WINDOW - 1);
        StringBuilder out = new StringBuilder(name).append(", lines ").append(start).append('–').append(end)
                .append(" of ").append(lines.length).append(":\n");
        int width = Integer.toString(end).length();
        for (int i = start; i <= end; i++) {
            String line = lines[i - 1];
            out.append(String.format("%" + width + "d", i)).append(GUTTER)
                    .append(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + " … (line cut: " + line.length() + " characters)" : line)
                    .append('\n');
        }
        if (end < lines.length) {
            out.append("(lines ").append(end + 1).append('–').append(lines.length).append(" not shown: read_file with start_line ")
                    .append(end + 1).append(")\n");
        }
        String window = "lines " + start + "–" + end + " of " + lines.length;
        return ToolOutcome.ok(out.toString(), "read " + name + ", " + window, "read " + name + " (" + window + ")", name, false)
                .with("lines", start + "-" + end);
    }

    static String[] lines(String content) {
        if (content.isEmpty()) {
            return new String[0];
        }
        String body = content.endsWith("\n") ? content.substring(0, content.length() - 1) : content;
        return body.split("\n", -1);
    }
}
