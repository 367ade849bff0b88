package dev.samokoder.services.runs;

/** The run has no question with that number (HTTP 404). */
public final class QuestionNotFoundException extends RuntimeException {

    public QuestionNotFoundException(String runId, int number) {
        super("run " + runId + " has no question " + number, null, false, false);
    }
}
