package dev.samokoder.workflow.tools;

import dev.samokoder.core.domain.FileEntry;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.sandbox.Glob;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.StepMemory;
import dev.samokoder.workflow.loop.ToolOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/** list_files: the project map, or the part of it a glob picks. */
public final class ListFilesTool implements AgentTool {

    /** Files one answer lists. */
    static final int MAX_LISTED = 200;
    /** Index entries looked at for a glob (a bounded read whatever the project's size). */
    static final int MAX_SCANNED = 2_000;

    private final ProjectFiles files;

    public ListFilesTool(ProjectFiles files) {
        this.files = files;
    }

    @Override
    public ToolSpec spec() {
        return new ToolSpec("list_files", "List the project's files: each with its size and the one-line summary of what it is for. "
                + "Without a glob, every file (up to " + MAX_LISTED + "). A glob picks some: 'src/**/*.js', 'test/*', '*.md' "
                + "(** crosses folders, * and ? do not).",
                ToolSchema.string(ToolSchema.object(List.of()), "glob", "which files to list, e.g. src/**/*.js; omit for all", 200));
    }

    @Override
    public boolean readOnly() {
        return true;
    }

    @Override
    public ToolOutcome run(JsonNode arguments, StepMemory memory) {
        String glob = arguments.path("glob").asText("").strip();
        Pattern pattern = glob.isEmpty() ? null : Glob.toRegex(glob);
        ProjectFiles.Listing listing = files.list(MAX_SCANNED);
        List<FileEntry> matching = listing.files().stream().filter(f -> pattern == null || pattern.matcher(f.path().value()).matches()).toList();
        if (matching.isEmpty()) {
            String none = listing.files().isEmpty() ? "The project has no files yet." : "No file matches '" + glob + "'.";
            return ToolOutcome.ok(none, none, "listed files" + (glob.isEmpty() ? "" : " matching " + glob) + ": none", null, false);
        }
        StringBuilder out = new StringBuilder();
        matching.stream().limit(MAX_LISTED).forEach(file -> out.append(ProjectMap.line(file)).append('\n'));
        if (matching.size() > MAX_LISTED || listing.more()) {
            out.append("… more files are not listed: narrow the list with a glob.\n");
        }
        String what = matching.size() + " file(s)" + (glob.isEmpty() ? "" : " matching " + glob);
        return ToolOutcome.ok(out.toString().strip(), "listed " + what, "listed " + what, null, false);
    }
}
