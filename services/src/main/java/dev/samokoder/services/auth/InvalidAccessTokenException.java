package dev.samokoder.services.auth;

/**
 * An access token that must not be accepted. The message says why and never contains the token:
 * messages are logged, and a token is a bearer credential.
 */
public final class InvalidAccessTokenException extends RuntimeException {

    private final boolean expired;

    public InvalidAccessTokenException(String reason) {
        this(reason, false);
    }

    public InvalidAccessTokenException(String reason, boolean expired) {
        super(reason);
        this.expired = expired;
    }

    /** Whether the token was valid once and has only expired (a client refreshes it, rather than signing in again). */
    public boolean expired() {
        return expired;
    }
}
