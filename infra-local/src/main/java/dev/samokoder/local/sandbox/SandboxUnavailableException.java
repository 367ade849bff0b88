package dev.samokoder.local.sandbox;

/** The local sandbox cannot isolate generated code here; the message says why and what to install. */
public final class SandboxUnavailableException extends Exception {

    public SandboxUnavailableException(String message) {
        super(message);
    }
}
