package dev.samokoder.core.storage;

import java.util.OptionalLong;

/**
 * A write was based on a version of the item that is no longer current: somebody else wrote it in
 * between. Nothing was written; re-read and retry, or tell the user (HTTP 409).
 */
public final class VersionConflictException extends StorageException {

    private final Key key;
    private final long expectedVersion;
    private final OptionalLong currentVersion;

    public VersionConflictException(Key key, long expectedVersion, OptionalLong currentVersion) {
        super("item " + key + " was changed concurrently: expected version " + expectedVersion
                + currentVersion.stream().mapToObj(v -> ", found " + v).findFirst().orElse(""));
        this.key = key;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    public Key key() {
        return key;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public OptionalLong currentVersion() {
        return currentVersion;
    }
}
