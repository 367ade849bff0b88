package dev.samokoder.workflow.tools;

import dev.samokoder.core.domain.FileEntry;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.StepMemory;
import dev.samokoder.workflow.loop.ToolOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** rename_file: moves a file to a new path that has no file yet. */
final class RenameFileTool implements AgentTool {

    private final ProjectFiles files;
    private final WritePolicy policy;

    RenameFileTool(ProjectFiles files, WritePolicy policy) {
        this.files = files;
        this.policy = policy;
    }

    @Override
    public ToolSpec spec() {
        var schema = ToolSchema.object(List.of("from", "to"));
        ToolSchema.string(schema, "from", "the file to move", 1024);
        ToolSchema.string(schema, "to", "its new path, where no file is yet", 1024);
        return new ToolSpec("rename_file", "Move a file to a new path (its content and summary go with it). Update the files that "
                + "import it separately.", schema);
    }

    @Override
    public boolean readOnly() {
        return false;
    }

    @Override
    public ToolOutcome run(JsonNode arguments, StepMemory memory) {
        ToolTarget source = ToolTarget.changeable(arguments, "from", policy);
        ToolTarget destination = ToolTarget.changeable(arguments, "to", policy);
        for (ToolTarget target : List.of(source, destination)) {
            if (target.refused()) {
                return target.refusal().orElseThrow();
            }
        }
        Optional<WorkspacePath> from = source.path();
        Optional<WorkspacePath> to = destination.path();
        Optional<FileEntry> entry = files.entry(from.get());
        if (entry.isEmpty()) {
            return ToolOutcome.error(from.get().value() + " does not exist.", from.get().value());
        }
        if (files.entry(to.get()).isPresent()) {
            return ToolOutcome.error(to.get().value() + " already exists: delete it first, or pick another path.", to.get().value());
        }
        files.rename(entry.get(), to.get());
        memory.readPaths().remove(from.get().value());
        memory.markWritten(to.get().value());
        String what = "renamed " + from.get().value() + " to " + to.get().value();
        return ToolOutcome.ok(what.substring(0, 1).toUpperCase() + what.substring(1) + ".", what, what, to.get().value(), true)
                .with("from", from.get().value());
    }
}
