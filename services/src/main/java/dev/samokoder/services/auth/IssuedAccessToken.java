package dev.samokoder.services.auth;

import java.time.Instant;

/** A freshly signed access token, with the id and expiry the caller may want to record. */
public record IssuedAccessToken(String token, String jti, Instant expiresAt) {

    /** Leaves the token out: it is a bearer credential and records end up in logs. */
    @Override
    public String toString() {
        return "IssuedAccessToken[token=<redacted>, jti=" + jti + ", expiresAt=" + expiresAt + "]";
    }
}
