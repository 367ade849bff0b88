package dev.samokoder.services.workspace;

import dev.samokoder.core.blob.BlobRef;
import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.domain.FileEntry;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.storage.FileIndexRepository;
import dev.samokoder.core.storage.ItemAlreadyExistsException;
import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.OptimisticRetry.Contention;
import dev.samokoder.core.storage.Page;
import dev.samokoder.core.storage.VersionConflictException;
import dev.samokoder.sandbox.FileChange;
import dev.samokoder.sandbox.ManifestEntry;
import dev.samokoder.sandbox.SnapshotManifest;
import dev.samokoder.sandbox.SnapshotStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a project's workspace between its live form (the file index: one item per file, blobs in
 * S3) and snapshots (one manifest of path → blob). A snapshot is taken before a run and after
 * every completed task; a failed or cancelled run puts the index back to the last good one, so
 * no half-written task is left. Both directions cost one pass over the index, and are used at
 * those moments only (never per agent step).
 */
public final class WorkspaceSnapshots {

    private static final int PAGE = 500;

    private final FileIndexRepository files;
    private final SnapshotStore snapshots;
    private final OptimisticRetry retry;

    public WorkspaceSnapshots(FileIndexRepository files, SnapshotStore snapshots) {
        this(files, snapshots, RetryPolicy.defaults());
    }

    /** @param conflictRetry how a write of an index entry that lost the race to another writer of the path tries again */
    public WorkspaceSnapshots(FileIndexRepository files, SnapshotStore snapshots, RetryPolicy conflictRetry) {
        this.files = files;
        this.snapshots = snapshots;
        this.retry = new OptimisticRetry(conflictRetry);
    }

    /** Stores the workspace as it is now and returns the manifest's key (the same files give the same key). */
    public String take(String projectId) {
        return take(projectId, all(projectId));
    }

    /** {@link #take(String)} of the project's file index already listed, all of it. */
    public String take(String projectId, Collection<FileEntry> files) {
        Map<String, ManifestEntry> entries = new HashMap<>();
        for (FileEntry entry : files) {
            entries.put(entry.path().value(), new ManifestEntry(entry.blob().sha256(), entry.blob().size(), false));
        }
        return snapshots.put(projectId, new SnapshotManifest(entries));
    }

    /**
     * Makes the file index match the snapshot: files it lacks are removed, the others point at the
     * snapshot's blobs (which are content-addressed, so they are still there).
     *
     * @return how many index entries changed
     */
    public int restore(String projectId, String snapshotKey) {
        SnapshotManifest manifest = snapshots.get(snapshotKey);
        int changed = 0;
        Map<String, FileEntry> current = new HashMap<>();
        all(projectId).forEach(entry -> current.put(entry.path().value(), entry));
        for (FileEntry entry : current.values()) {
            if (!manifest.files().containsKey(entry.path().value())) {
                delete(entry);
                changed++;
            }
        }
        for (var file : manifest.files().entrySet()) {
            FileEntry entry = current.get(file.getKey());
            if (entry == null || !entry.blob().sha256().equals(file.getValue().sha256())) {
                write(projectId, WorkspacePath.of(file.getKey()), new BlobRef(file.getValue().sha256(), file.getValue().size()));
                changed++;
            }
        }
        return changed;
    }

    /** Writes a sandbox run's kept changes into the index (their blobs are already stored by the runner). */
    public void apply(String projectId, List<FileChange> changes) {
        for (FileChange change : changes) {
            WorkspacePath path = WorkspacePath.of(change.path());
            if (change.kind() == FileChange.Kind.DELETED) {
                files.get(projectId, path).ifPresent(this::delete);
            } else {
                write(projectId, path, new BlobRef(change.sha256(), change.size()));
            }
        }
    }

    private List<FileEntry> all(String projectId) {
        List<FileEntry> entries = new java.util.ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<FileEntry> page = files.list(projectId, PAGE, cursor);
            entries.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return entries;
    }

    private void write(String projectId, WorkspacePath path, BlobRef blob) {
        retry.run(attempt -> {
            Optional<FileEntry> existing = files.get(projectId, path);
            if (existing.isEmpty()) {
                files.create(projectId, path, blob);
            } else if (!existing.get().blob().equals(blob)) {
                files.update(existing.get(), blob);
            }
        }, Contention::lastConflict, ItemAlreadyExistsException.class, VersionConflictException.class);
    }

    /** Deletes the entry, or the one that replaced it since it was listed; one that is gone already is left so. */
    private void delete(FileEntry entry) {
        retry.run(attempt -> (attempt == 1 ? Optional.of(entry) : files.get(entry.projectId(), entry.path())).ifPresent(files::delete),
                Contention::lastConflict, VersionConflictException.class);
    }
}
