package dev.samokoder.workflow.tools;

import dev.samokoder.workflow.loop.AgentTool;
import java.util.List;
import java.util.Set;

/**
 * The workspace tools a step gets: the reading ones (list_files, read_file, search) for every
 * agent, the writing ones (write_file, append_to_file, edit_file, delete_file, rename_file) under
 * a write policy for the agents that change files. {@link #without} takes tools away, to show what
 * an agent can do without them.
 */
public interface Toolset {

    List<AgentTool> reading(ProjectFiles files);

    /** @param maxFileChars the largest file a step may leave */
    List<AgentTool> writing(ProjectFiles files, WritePolicy policy, int maxFileChars);

    /** The platform's tools. */
    Toolset WORKSPACE = new Toolset() {
        @Override
        public List<AgentTool> reading(ProjectFiles files) {
            return List.of(new ListFilesTool(files), new ReadFileTool(files), new SearchTool(files));
        }

        @Override
        public List<AgentTool> writing(ProjectFiles files, WritePolicy policy, int maxFileChars) {
            return List.of(new WriteFileTool(files, policy, maxFileChars, false), new WriteFileTool(files, policy, maxFileChars, true),
                    new EditFileTool(files, policy, maxFileChars), new DeleteFileTool(files, policy), new RenameFileTool(files, policy));
        }
    };

    /** These tools without the named ones. */
    default Toolset without(String... names) {
        Set<String> withheld = Set.of(names);
        Toolset all = this;
        return new Toolset() {
            @Override
            public List<AgentTool> reading(ProjectFiles files) {
                return all.reading(files).stream().filter(tool -> !withheld.contains(tool.spec().name())).toList();
            }

            @Override
            public List<AgentTool> writing(ProjectFiles files, WritePolicy policy, int maxFileChars) {
                return all.writing(files, policy, maxFileChars).stream().filter(tool -> !withheld.contains(tool.spec().name())).toList();
            }
        };
    }
}
