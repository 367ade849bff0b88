package dev.samokoder.core.crypto;

/** A sealed value that does not open: another key, other associated data, or damaged bytes. */
public final class SecretBoxException extends RuntimeException {

    public SecretBoxException(String message, Throwable cause) {
        super(message, cause);
    }
}
