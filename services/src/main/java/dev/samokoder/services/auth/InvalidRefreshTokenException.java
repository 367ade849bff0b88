package dev.samokoder.services.auth;

/** A refresh token that is unknown, expired, revoked or already used; the message never holds the token. */
public final class InvalidRefreshTokenException extends RuntimeException {

    public InvalidRefreshTokenException(String reason) {
        super("invalid refresh token: " + reason);
    }
}
