package dev.samokoder.services.runs;

/** The project already has an active run; one at a time (HTTP 409). */
public final class ActiveRunExistsException extends RuntimeException {

    private final String activeRunId;

    public ActiveRunExistsException(String projectId, String activeRunId) {
        super("project " + projectId + " already has an active run " + activeRunId, null, false, false);
        this.activeRunId = activeRunId;
    }

    public String activeRunId() {
        return activeRunId;
    }
}
