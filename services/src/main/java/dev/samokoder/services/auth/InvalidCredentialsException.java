package dev.samokoder.services.auth;

/** Unknown email or wrong password: deliberately one error for both, so logins do not reveal accounts. */
public final class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("invalid email or password");
    }
}
