package dev.samokoder.services.auth;

import java.time.Instant;

/** What a verified access token says: who, in which session, and when it stops being valid. */
public record AccessTokenClaims(String userId, String sessionId, String jti, Instant issuedAt, Instant expiresAt) {
}
