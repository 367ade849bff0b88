package dev.samokoder.services.projects;

/** No project with that id that the caller owns: missing and not-yours are one answer (HTTP 404). */
public final class ProjectNotFoundException extends RuntimeException {

    public ProjectNotFoundException(String projectId) {
        super("no project " + projectId, null, false, false);
    }
}
