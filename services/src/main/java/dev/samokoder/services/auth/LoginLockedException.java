package dev.samokoder.services.auth;

import java.time.Duration;

/** Too many failed logins for this email recently; try again after {@link #retryAfter()}. */
public final class LoginLockedException extends RuntimeException {

    private final Duration retryAfter;

    public LoginLockedException(Duration retryAfter) {
        super("too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " s");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
