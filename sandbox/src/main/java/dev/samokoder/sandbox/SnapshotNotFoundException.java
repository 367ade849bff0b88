package dev.samokoder.sandbox;

/** The run request names a snapshot that is not stored. */
public final class SnapshotNotFoundException extends RuntimeException {

    public SnapshotNotFoundException(String key) {
        super("no snapshot at " + key);
    }
}
