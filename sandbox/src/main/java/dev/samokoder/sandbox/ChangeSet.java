package dev.samokoder.sandbox;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/** The difference between a snapshot and its workspace after a run, split into kept and dropped. */
record ChangeSet(List<PendingChange> kept, DroppedChanges dropped) {

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** The snapshot with the kept changes applied; dropped changes leave their old entries as they were. */
    SnapshotManifest applyTo(SnapshotManifest before) {
        SortedMap<String, ManifestEntry> files = new TreeMap<>(before.files());
        for (PendingChange change : kept) {
            if (change.kind() == FileChange.Kind.DELETED) {
                files.remove(change.path());
            } else {
                files.put(change.path(), new ManifestEntry(change.sha256(), change.size(), change.executable()));
            }
        }
        return new SnapshotManifest(files);
    }

    List<FileChange> fileChanges() {
        return kept.stream().map(PendingChange::toFileChange).toList();
    }
}
