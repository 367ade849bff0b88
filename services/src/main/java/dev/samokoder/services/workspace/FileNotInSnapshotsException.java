package dev.samokoder.services.workspace;

/** A diff asked for a path that neither of its two snapshots has. */
public final class FileNotInSnapshotsException extends RuntimeException {

    public FileNotInSnapshotsException(String path) {
        super("neither snapshot has a file " + path);
    }
}
