package dev.samokoder.core.domain;

import dev.samokoder.core.blob.BlobRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One file of a project's workspace: a path pointing at a content-addressed blob. Changing a file
 * is pointing the entry at another blob; the old blob stays for the snapshots that use it.
 *
 * @param summary one line saying what the file is for, written by the agent that wrote it; the
 *                project map shows it to every agent (empty when no agent described the file)
 */
public record FileEntry(String projectId, WorkspacePath path, BlobRef blob, Instant updatedAt, long version, Optional<String> summary) {

    /** The longest summary kept: one line. */
    public static final int MAX_SUMMARY_CHARS = 200;

    public FileEntry {
        Objects.requireNonNull(summary, "summary");
        summary = summary.map(FileEntry::oneLine).filter(line -> !line.isEmpty());
    }

    public FileEntry(String projectId, WorkspacePath path, BlobRef blob, Instant updatedAt, long version) {
        this(projectId, path, blob, updatedAt, version, Optional.empty());
    }

    /** A summary as the map shows it: one line, at most {@value #MAX_SUMMARY_CHARS} characters. */
    public static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_SUMMARY_CHARS ? line : line.substring(0, MAX_SUMMARY_CHARS - 1) + "…";
    }
}
