package dev.samokoder.workflow.tools;

import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.StepMemory;
import dev.samokoder.workflow.loop.ToolOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * write_file creates a new file whole; append_to_file adds to the end of one, so a file longer
 * than one answer's output limit is written in parts. Existing files change by edit_file.
 */
final class WriteFileTool implements AgentTool {

    private final ProjectFiles files;
    private final WritePolicy policy;
    private final int maxFileChars;
    private final boolean append;

    WriteFileTool(ProjectFiles files, WritePolicy policy, int maxFileChars, boolean append) {
        this.files = files;
        this.policy = policy;
        this.maxFileChars = maxFileChars;
        this.append = append;
    }

    @Override
    public ToolSpec spec() {
        var schema = ToolSchema.object(List.of("path", "content"));
        ToolSchema.string(schema, "path", "the file, relative to the project's root, e.g. src/server.js", 1024);
        ToolSchema.string(schema, "content", append ? "the text to add at the end of the file" : "the whole content of the new file", maxFileChars);
        return append
                ? new ToolSpec("append_to_file", "Add text at the end of a file, to write a long file in parts: write_file with the "
                        + "first part, then append_to_file with each further part. Nothing is added between the parts: end a part "
                        + "with a newline if the next one starts a line.", schema)
                : new ToolSpec("write_file", "Create a new file with its whole content. It fails if the file exists: change an "
                        + "existing file with edit_file (or delete_file it first to start over). For a long file, write the first "
                        + "part here and add the rest with append_to_file, each part well under your output limit.", schema);
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
        String content = arguments.path("content").asText();
        ToolTarget.Text text = target.text(files, "; it cannot be changed here");
        if (text.refusal().isPresent()) {
            return text.refusal().get();
        }
        Optional<String> existing = text.content();
        if (!append && existing.isPresent()) {
            return ToolOutcome.error(name + " already exists (" + ToolSchema.lineCount(existing.get()) + " lines). Change it with edit_file "
                    + "(read it first), or delete_file it and write it again if you mean to replace all of it.", name);
        }
        if (append && existing.isEmpty()) {
            return ToolOutcome.error(name + " does not exist: create it with write_file first.", name);
        }
        String result = append ? existing.get() + content : content;
        if (result.length() > maxFileChars) {
            return ToolOutcome.error(name + " would be " + result.length() + " characters; a file may have at most " + maxFileChars
                    + ". Split it into smaller modules.", name);
        }
        files.write(target.get(), result, Optional.empty());
        memory.markWritten(name);
        int lines = ToolSchema.lineCount(result);
        return append
                ? ToolOutcome.ok("Appended " + ToolSchema.lineCount(content) + " line(s) to " + name + "; it now has " + lines + " lines.",
                        "appended to " + name, "appended to " + name + " (now " + lines + " lines)", name, true)
                : ToolOutcome.ok("Created " + name + " (" + lines + " lines).", "created " + name, "wrote " + name + " (" + lines + " lines)",
                        name, true);
    }
}
