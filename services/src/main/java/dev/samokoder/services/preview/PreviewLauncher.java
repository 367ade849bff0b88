package dev.samokoder.services.preview;

import dev.samokoder.sandbox.RunRequest;
import java.net.URI;
import java.util.Optional;

/**
 * What runs previews: locally the platform's bubblewrap sandbox behind a proxy of the preview origin, on AWS a
 * long-running sandbox task behind an authorizing front. It reports what happens to a preview (running, failed,
 * stopped) through {@link PreviewRepository#update}.
 */
public interface PreviewLauncher {

    /** Starts the preview's sandbox run and returns at once; the app is probed at {@code probePath} until it answers. */
    void start(Preview preview, RunRequest request, String probePath);

    /** Stops the preview (if this launcher runs it), recording {@code reason}; returns once its processes are gone. */
    void stop(String previewId, String reason);

    /** The tail of what the app wrote so far, while this launcher runs it. */
    Optional<String> log(String previewId);

    /** Whether this launcher still runs the preview (false after a restart of the platform, for one it ran before). */
    boolean runs(String previewId);

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
            public Optional<String> log(String previewId) {
                return Optional.empty();
            }

            @Override
            public boolean runs(String previewId) {
                return false;
            }

            @Override
            public URI origin(String projectId) {
                throw new PreviewUnavailableException(why);
            }
        };
    }
}
