package dev.samokoder.services.runs;

/** The run is not in a state that allows the request, e.g. answering a run that asks nothing (HTTP 409). */
public final class RunStateException extends RuntimeException {

    public RunStateException(String message) {
        super(message, null, false, false);
    }
}
