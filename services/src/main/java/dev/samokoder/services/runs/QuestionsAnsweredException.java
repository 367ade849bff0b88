package dev.samokoder.services.runs;

/**
 * The user answered every question before the workflow's AskUser step recorded its wait: there
 * is nothing to wait for. The state machine catches this by name and goes straight back to Route.
 */
public final class QuestionsAnsweredException extends RuntimeException {

    public QuestionsAnsweredException(String runId) {
        super("run " + runId + " has no open questions: nothing to wait for");
    }
}
