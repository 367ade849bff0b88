package dev.samokoder.services.runs;

/** No such run, or not the caller's (HTTP 404 either way, so run ids cannot be probed). */
public final class RunNotFoundException extends RuntimeException {

    public RunNotFoundException(String runId) {
        super("run " + runId + " not found", null, false, false);
    }
}
