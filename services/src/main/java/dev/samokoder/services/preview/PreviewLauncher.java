package dev.samokoder.services.preview;

import dev.samokoder.sandbox.RunRequest;
import java.net.URI;
import java.util.Optional;

/**
 * What runs previews: locally the platform's bubblewrap sandbox behind a port of its own, on AWS a long-running
 * sandbox task behind the preview front. What happens to a live preview (it serves, fails, stops) the service learns
 * by {@link #observe}, and records.
 */
public interface PreviewLauncher {

    /** Starts the preview's sandbox run and returns at once; the app is probed at {@code probePath} until it answers. */
    void start(Preview preview, RunRequest request, String probePath);

    /** Stops the preview (if this launcher runs it), recording {@code reason}; returns once its processes are gone. */
    void stop(String previewId, String reason);

    /** What the launcher sees of a live preview now. */
    Observation observe(Preview preview);

    /**
     * @param now the preview as it is now (its status and message), when that differs from the record
     * @param log the tail of its output so far
     */
    record Observation(Optional<Preview> now, Optional<String> log) {

        public static final Observation NOTHING = new Observation(Optional.empty(), Optional.empty());
    }

    /** The origin the project's preview is served from: never the platform's. */
    URI origin(String projectId);

    /** Where no launcher is deployed: every preview is refused with {@code why}. */
    static PreviewLauncher unavailable(String why) {
        return new PreviewLauncher() {
            @Override
            public void start(Preview preview, RunRequest request, String probePath) {
                throw new PreviewUnavailableException(why);
            }

            @Override
            public void stop(String previewId, String reason) {
            }

            @Override
            public Observation observe(Preview preview) {
                return Observation.NOTHING;
            }

            @Override
            public URI origin(String projectId) {
                throw new PreviewUnavailableException(why);
            }
        };
    }
}
