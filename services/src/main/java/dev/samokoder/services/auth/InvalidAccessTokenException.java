package dev.samokoder.services.auth;

/**
 * An access token that must not be accepted. The message says why and never contains the token:
 * messages are logged, and a token is a bearer credential.
 */
public final class InvalidAccessTokenException extends RuntimeException {

    public InvalidAccessTokenException(String reason) {
        super(reason);
    }
}
