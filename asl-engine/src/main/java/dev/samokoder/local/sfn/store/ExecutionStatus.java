package dev.samokoder.local.sfn.store;

/** The execution statuses of the Step Functions API. */
public enum ExecutionStatus {
    RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED;

    public boolean isFinal() {
        return this != RUNNING;
    }
}
