package dev.samokoder.sandbox;

import dev.samokoder.core.blob.BlobRef;
import dev.samokoder.core.blob.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes a run's kept changes back: new content as blobs, then a new manifest. An unchanged
 * workspace (or one whose every change was dropped) writes nothing and keeps the old snapshot.
 * It must run only once every process of the sandbox is gone, so no file changes while it reads.
 */
public final class ChangeCollector {

    private final BlobStore blobs;
    private final SnapshotStore snapshots;
    private final long maxFileBytes;

    public ChangeCollector(BlobStore blobs, SnapshotStore snapshots, long maxFileBytes) {
        this.blobs = blobs;
        this.snapshots = snapshots;
        this.maxFileBytes = maxFileBytes;
    }

    public CollectedChanges collect(String projectId, String snapshotKey, SnapshotManifest before, Path workspace, KeepRules rules) {
        ChangeSet changes = WorkspaceChanges.between(before, workspace, rules, maxFileBytes);
        if (changes.isEmpty()) {
            return new CollectedChanges(snapshotKey, changes.fileChanges(), changes.dropped());
        }
        ParallelIo.forEach(changes.kept(), SnapshotMaterializer.PARALLEL_FETCHES, change -> {
            if (change.kind() != FileChange.Kind.DELETED) {
                BlobRef stored = blobs.put(read(change.file()));
                if (!stored.sha256().equals(change.sha256())) {
                    throw new IllegalStateException(change.path() + " changed while it was collected; is a sandbox process still running?");
                }
            }
        });
        String key = snapshots.put(projectId, changes.applyTo(before));
        return new CollectedChanges(key, changes.fileChanges(), changes.dropped());
    }

    private static byte[] read(Path file) {
        try (var channel = Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
             var in = java.nio.channels.Channels.newInputStream(channel)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
