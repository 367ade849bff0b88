package dev.samokoder.local.sfn.engine;

/** A state ended in an error, to be matched by Retry and Catch or to fail the branch or execution. */
public final class StateFailure extends Exception {

    private final String error;
    private final String cause;

    public StateFailure(String error, String cause) {
        super(error + (cause == null ? "" : ": " + cause), null, false, false);
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
