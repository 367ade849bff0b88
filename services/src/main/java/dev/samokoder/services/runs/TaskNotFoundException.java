package dev.samokoder.services.runs;

/** The run's plan has no task with that number (HTTP 404). */
public final class TaskNotFoundException extends RuntimeException {

    public TaskNotFoundException(String runId, int number) {
        super("run " + runId + " has no task " + number, null, false, false);
    }
}
