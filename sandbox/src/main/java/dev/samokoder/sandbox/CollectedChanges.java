package dev.samokoder.sandbox;

import java.util.List;

/**
 * The workspace after a run, written back: the snapshot key to continue from (the old one when no
 * kept file changed), the kept changes and what was dropped.
 */
public record CollectedChanges(String snapshotKey, List<FileChange> changes, DroppedChanges dropped) {
}
