package dev.samokoder.workflow.tools;

import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.StepMemory;
import dev.samokoder.workflow.loop.ToolOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/** delete_file: removes a file (the task's snapshot keeps its earlier content for a rollback). */
final class DeleteFileTool implements AgentTool {

    private final ProjectFiles files;
    private final WritePolicy policy;

    DeleteFileTool(ProjectFiles files, WritePolicy policy) {
        this.files = files;
        this.policy = policy;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec("delete_file", "Delete a file.", ToolSchema.string(ToolSchema.object(List.of("path")), "path",
                "the file, relative to the project's root", 1024));
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
        if (!files.delete(target.get())) {
            return ToolOutcome.error(name + " does not exist.", name);
        }
        memory.readPaths().remove(name);
        return ToolOutcome.ok("Deleted " + name + ".", "deleted " + name, "deleted " + name, name, true);
    }
}
