package dev.samokoder.sandbox;

/** The sandbox could not start the command at all (as opposed to the command failing). */
public class SandboxLaunchException extends RuntimeException {

    public SandboxLaunchException(String message, Throwable cause) {
        super(message, cause);
    }

    public SandboxLaunchException(String message) {
        super(message);
    }
}
