package dev.samokoder.core.secrets;

/** A stored secret that does not decrypt: tampered with, moved to another item, or sealed under a key this platform no longer has. */
public final class SecretUnreadableException extends RuntimeException {

    public SecretUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
