package dev.samokoder.api.preview;

import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.projects.OwnedProject;
import dev.samokoder.services.preview.Preview;
import dev.samokoder.services.preview.PreviewService;
import java.util.Locale;

/**
 * {@code POST|GET|DELETE /v1/projects/{projectId}/preview}: start (replacing the one before), look at, and stop the
 * project's live preview. Only its owner, signed in (not an API key): the answer's {@code url} carries a one-time
 * ticket to the preview's own origin.
 */
public final class PreviewOperations {

    /**
     * @param url         where to open it: while it is live, with a ticket that works once within a minute
     * @param message     why it failed or stopped, in plain words
     * @param log         the tail of the app's output (install, build, start), or the failure's
     * @param filesChanged whether the project's files changed since it started (a restart shows them)
     */
    record PreviewView(String id, String status, String url, String startCommand, String createdAt, String expiresAt,
                       String message, String log, boolean filesChanged) {

        static PreviewView of(PreviewService.View view) {
            Preview preview = view.preview();
            return new PreviewView(preview.id(), preview.status().name().toLowerCase(Locale.ROOT), view.url().toString(),
                    preview.startCommand(), preview.createdAt().toString(), preview.expiresAt().toString(),
                    preview.message().orElse(null), view.log().orElse(null), view.filesChanged());
        }
    }

    private final PreviewService previews;

    public PreviewOperations(PreviewService previews) {
        this.previews = previews;
    }

    public ApiResponse start(ApiRequest request) {
        return ApiResponse.json(201, PreviewView.of(previews.start(request.userId(), OwnedProject.id(request))));
    }

    public ApiResponse get(ApiRequest request) {
        return ApiResponse.json(200, PreviewView.of(previews.get(request.userId(), OwnedProject.id(request))));
    }

    public ApiResponse stop(ApiRequest request) {
        return ApiResponse.json(200, PreviewView.of(previews.stop(request.userId(), OwnedProject.id(request))));
    }
}
