package dev.samokoder.sandbox;

import java.nio.file.Path;

/** A change that will be written back: its file on disk (null for a deletion) and new content's hash. */
record PendingChange(FileChange.Kind kind, String path, Path file, String sha256, long size, boolean executable) {

    FileChange toFileChange() {
        boolean deleted = kind == FileChange.Kind.DELETED;
        return new FileChange(path, kind, deleted ? null : sha256, deleted ? null : size);
    }
}
