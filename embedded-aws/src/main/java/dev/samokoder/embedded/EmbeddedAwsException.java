package dev.samokoder.embedded;

/** The embedded stack could not start; the message says what to do about it. */
public class EmbeddedAwsException extends RuntimeException {

    public EmbeddedAwsException(String message) {
        super(message);
    }

    public EmbeddedAwsException(String message, Throwable cause) {
        super(message, cause);
    }
}
