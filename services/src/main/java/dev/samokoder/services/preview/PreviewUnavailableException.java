package dev.samokoder.services.preview;

/** A preview cannot be started: the project has no app yet, its app has no start command, or none can run here. */
public final class PreviewUnavailableException extends RuntimeException {

    public PreviewUnavailableException(String message) {
        super(message);
    }
}
