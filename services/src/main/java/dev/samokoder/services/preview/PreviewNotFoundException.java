package dev.samokoder.services.preview;

/** The project has no preview (or is not the caller's). */
public final class PreviewNotFoundException extends RuntimeException {

    public PreviewNotFoundException(String projectId) {
        super("project " + projectId + " has no preview");
    }
}
