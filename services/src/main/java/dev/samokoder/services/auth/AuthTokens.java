package dev.samokoder.services.auth;

import java.time.Instant;

/** What a login or a refresh hands the client: a short-lived access token and a rotating refresh token. */
public record AuthTokens(String userId, String accessToken, Instant accessTokenIssuedAt, Instant accessTokenExpiresAt,
                         String refreshToken, Instant refreshTokenExpiresAt) {

    @Override
    public String toString() { // tokens never reach a log
        return "AuthTokens[userId=" + userId + ", accessTokenExpiresAt=" + accessTokenExpiresAt + "]";
    }
}
