package dev.samokoder.services.auth;

import java.time.Instant;

/** A refresh token as handed to the client (the only time its value exists outside the client). */
public record IssuedRefreshToken(String token, String userId, String sessionId, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedRefreshToken[sessionId=" + sessionId + ", expiresAt=" + expiresAt + "]";
    }
}
