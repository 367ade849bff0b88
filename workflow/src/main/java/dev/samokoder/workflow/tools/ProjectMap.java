package dev.samokoder.workflow.tools;

import dev.samokoder.core.domain.FileEntry;

/**
 * The project map every agent's prompt carries: each file with its size and the one-line summary
 * of what it is for, in path order, paged so a large project does not fill the prompt (the rest
 * is a list_files call away). Kept current because the summary lives on the file's index entry,
 * which every write goes through.
 */
public final class ProjectMap {

    /** Files shown in a prompt. */
    public static final int MAX_IN_PROMPT = 150;

    private ProjectMap() {
    }

    public static String render(ProjectFiles files) {
        ProjectFiles.Listing listing = files.list(MAX_IN_PROMPT);
        if (listing.files().isEmpty()) {
            return "(no files yet: a new app)";
        }
        StringBuilder out = new StringBuilder();
        listing.files().forEach(file -> out.append(line(file)).append('\n'));
        if (listing.more()) {
            out.append("… and more files, not shown here: list them with list_files (a glob narrows the list).\n");
        }
        return out.toString().strip();
    }

    static String line(FileEntry file) {
        return file.path().value() + " (" + file.blob().size() + " bytes) — " + file.summary().orElse("(no summary)");
    }
}
