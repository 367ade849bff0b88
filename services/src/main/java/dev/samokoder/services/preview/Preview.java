package dev.samokoder.services.preview;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A project's live preview: its app, started from the files of {@code snapshotKey} with the architecture's start
 * command, until it stops. At most one per project; a new one replaces it.
 *
 * @param message why it failed or stopped, in plain words (with the start command's output when it did not start)
 * @param lastRequestAt when its origin last passed a request on (on AWS, written by the preview front about once a
 *                      minute; what the reaper's idle stop reads)
 */
public record Preview(String id, String projectId, String userId, Status status, String snapshotKey, String startCommand,
                      Instant createdAt, Instant expiresAt, Optional<String> message, Optional<Instant> lastRequestAt, long version) {

    public enum Status {
        /** Installing, building, starting: the app does not answer yet. */
        STARTING,
        /** The app answers on its port. */
        RUNNING,
        /** The app did not start, or exited on its own. */
        FAILED,
        /** Stopped: by its owner, after its idle time or at its maximum, or replaced by a new preview. */
        STOPPED;

        public boolean live() {
            return this == STARTING || this == RUNNING;
        }
    }

    public Preview {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(lastRequestAt, "lastRequestAt");
    }

    /** This preview in {@code next} status, for {@code why} (empty: no message). */
    public Preview with(Status next, Optional<String> why) {
        return new Preview(id, projectId, userId, next, snapshotKey, startCommand, createdAt, expiresAt, why, lastRequestAt, version);
    }
}
