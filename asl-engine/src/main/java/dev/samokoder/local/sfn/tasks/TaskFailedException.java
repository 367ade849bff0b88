package dev.samokoder.local.sfn.tasks;

/** A task ended in an error; {@code error} and {@code cause} become the state's Error and Cause as on AWS. */
public final class TaskFailedException extends Exception {

    private final String error;
    private final String cause;

    public TaskFailedException(String error, String cause) {
        super(error + ": " + cause);
        this.error = error;
        this.cause = cause;
    }

    public String error() {
        return error;
    }

    public String cause() {
        return cause;
    }
}
