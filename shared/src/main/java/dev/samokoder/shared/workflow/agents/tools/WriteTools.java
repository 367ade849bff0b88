package dev.samokoder.shared.workflow.agents.tools;

import dev.samokoder.shared.workflow.agents.loop.AgentTool;
import java.util.List;

/** The tools that change files, under one write policy: write_file, append_to_file, edit_file, delete_file, rename_file. */
public final class WriteTools {

    private WriteTools() {
    }

    /** @param maxFileChars the largest file a step may leave */
    public static List<AgentTool> all(ProjectFiles files, WritePolicy policy, int maxFileChars) {
        return List.of(new WriteFileTool(files, policy, maxFileChars, false), new WriteFileTool(files, policy, maxFileChars, true),
                new EditFileTool(files, policy, maxFileChars), new DeleteFileTool(files, policy), new RenameFileTool(files, policy));
    }

    /** The tools that only read: list_files, read_file, search. */
    public static List<AgentTool> reading(ProjectFiles files) {
        return List.of(new ListFilesTool(files), new ReadFileTool(files), new SearchTool(files));
    }
}
