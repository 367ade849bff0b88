package dev.samokoder.shared.domain;

import dev.samokoder.shared.blob.BlobRef;
import java.time.Instant;

/**
 * One file of a project's workspace: a path pointing at a content-addressed blob. Changing a file
 * is pointing the entry at another blob; the old blob stays for the snapshots that use it.
 */
public record FileEntry(String projectId, WorkspacePath path, BlobRef blob, Instant updatedAt, long version) {
}
