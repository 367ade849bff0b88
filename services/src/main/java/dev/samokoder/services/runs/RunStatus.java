package dev.samokoder.services.runs;

/** Where a run stands, as the user sees it. */
public enum RunStatus {
    RUNNING,
    /** Paused on a question to the user. */
    WAITING_FOR_ANSWER,
    /** Paused because the next model call would pass a budget: raise it and resume. */
    PAUSED_BUDGET,
    SUCCEEDED,
    /** Stopped on an error or a task that could not be fixed; resumable. */
    FAILED,
    CANCELLED;

    public boolean active() {
        return this == RUNNING || this == WAITING_FOR_ANSWER || this == PAUSED_BUDGET;
    }
}
