package dev.samokoder.services.auth;

import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.TableSchema;
import dev.samokoder.core.storage.VersionConflictException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque refresh tokens, stored only as their SHA-256, grouped in a session (token family). Each
 * use rotates the token: the used one is marked used and a new one issued, in one transaction.
 * Presenting a token that was already used means it leaked (or raced): the whole session is
 * revoked, so neither the thief's nor the user's copy works any more. Logout revokes the session.
 */
public final class RefreshTokens {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
    static final String TOKEN_TYPE = "RefreshToken";
    static final String SESSION_TYPE = "Session";
    private static final String PREFIX = "rt_";
    private static final int TOKEN_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SingleTable table;
    private final Duration ttl;
    private final Clock clock;
    private final OptimisticRetry retry;

    public RefreshTokens(SingleTable table, Duration ttl, Clock clock) {
        this(table, ttl, clock, RetryPolicy.defaults());
    }

    /** @param conflictRetry how a revocation that lost the race to another change of its session tries again */
    public RefreshTokens(SingleTable table, Duration ttl, Clock clock, RetryPolicy conflictRetry) {
        this.table = table;
        this.ttl = ttl;
        this.clock = clock;
        this.retry = new OptimisticRetry(conflictRetry);
    }

    /** Starts a new session for a user and returns its first refresh token. */
    public IssuedRefreshToken startSession(String userId) {
        String sessionId = Ids.newId("ses");
        Instant now = clock.instant();
        var session = Attributes.item(Keys.session(sessionId), SESSION_TYPE, 1)
                .string("userId", userId)
                .string("revoked", "false")
                .instant("createdAt", now)
                .number(TableSchema.TTL, now.plus(ttl).plus(ttl).getEpochSecond())
                .build();
        String token = newToken();
        Instant expiresAt = now.plus(ttl);
        table.transact(List.of(table.createOp(session), table.createOp(tokenItem(token, userId, sessionId, expiresAt))),
                (index, stored) -> new IllegalStateException("refresh token id collision"));
        return new IssuedRefreshToken(token, userId, sessionId, expiresAt);
    }

    /**
     * Exchanges a refresh token for a new one in the same session.
     *
     * @throws InvalidRefreshTokenException if it is unknown, expired, revoked or was already used
     *                                      (in that last case the session is revoked first)
     */
    public IssuedRefreshToken rotate(String token) {
        Key tokenKey = tokenKey(token);
        Attributes stored = table.get(tokenKey).map(Attributes::of)
                .orElseThrow(() -> new InvalidRefreshTokenException("unknown"));
        String userId = stored.string("userId");
        String sessionId = stored.string("sessionId");
        Instant now = clock.instant();
        if (!stored.instant("expiresAt").isAfter(now)) {
            throw new InvalidRefreshTokenException("expired");
        }
        Attributes session = table.get(Keys.session(sessionId)).map(Attributes::of)
                .orElseThrow(() -> new InvalidRefreshTokenException("session ended"));
        if (session.string("revoked").equals("true")) {
            throw new InvalidRefreshTokenException("session revoked");
        }
        if (stored.string("used").equals("true")) {
            revoke(sessionId, "reuse of an already rotated refresh token");
            throw new InvalidRefreshTokenException("already used; the session was revoked");
        }
        String next = newToken();
        Instant expiresAt = now.plus(ttl);
        var usedToken = Attributes.item(tokenKey, TOKEN_TYPE, stored.version() + 1)
                .string("userId", userId)
                .string("sessionId", sessionId)
                .instant("expiresAt", stored.instant("expiresAt"))
                .string("used", "true")
                .instant("usedAt", now)
                .number(TableSchema.TTL, stored.number(TableSchema.TTL))
                .build();
        try {
            table.transact(List.of(
                            table.replaceOp(usedToken, stored.version()),
                            table.versionCheckOp(Keys.session(sessionId), session.version()),
                            table.createOp(tokenItem(next, userId, sessionId, expiresAt))),
                    (index, item) -> new ConcurrentRotationException());
        } catch (ConcurrentRotationException e) {
            // The same token was used twice at once: one of the two callers holds a copy it should not.
            revoke(sessionId, "concurrent reuse of one refresh token");
            throw new InvalidRefreshTokenException("already used; the session was revoked");
        }
        return new IssuedRefreshToken(next, userId, sessionId, expiresAt);
    }

    /** Ends the session a refresh token belongs to (logout). An unknown token changes nothing. */
    public void revokeSessionOf(String token) {
        Optional<Map<String, AttributeValue>> stored;
        try {
            stored = table.get(tokenKey(token));
        } catch (InvalidRefreshTokenException malformed) {
            return;
        }
        stored.ifPresent(item -> revoke(Attributes.of(item).string("sessionId"), null));
    }

    /** True while the session exists and is not revoked. */
    public boolean sessionActive(String sessionId) {
        return table.get(Keys.session(sessionId)).map(Attributes::of)
                .map(session -> session.string("revoked").equals("false"))
                .orElse(false);
    }

    /** Revocation must win over any concurrent change of the session: one that lost the race re-reads and tries again. */
    private void revoke(String sessionId, String securityEvent) {
        retry.run(attempt -> {
            Optional<Attributes> session = table.get(Keys.session(sessionId)).map(Attributes::of);
            if (session.isEmpty() || session.get().string("revoked").equals("true")) {
                return;
            }
            Attributes current = session.get();
            var revoked = Attributes.item(Keys.session(sessionId), SESSION_TYPE, current.version() + 1)
                    .string("userId", current.string("userId"))
                    .string("revoked", "true")
                    .instant("createdAt", current.instant("createdAt"))
                    .instant("revokedAt", clock.instant())
                    .number(TableSchema.TTL, current.number(TableSchema.TTL))
                    .build();
            table.replace(Keys.session(sessionId), revoked, current.version());
            if (securityEvent != null) {
                log.warn("security event: {}; session {} of user {} revoked", securityEvent, sessionId, current.string("userId"));
            }
        }, contention -> new IllegalStateException("could not revoke session " + sessionId + " after " + contention.attempts() + " attempts"),
                VersionConflictException.class);
    }

    private Map<String, AttributeValue> tokenItem(String token, String userId, String sessionId, Instant expiresAt) {
        return Attributes.item(tokenKey(token), TOKEN_TYPE, 1)
                .string("userId", userId)
                .string("sessionId", sessionId)
                .instant("expiresAt", expiresAt)
                .string("used", "false")
                .number(TableSchema.TTL, expiresAt.plus(ttl).getEpochSecond())
                .build();
    }

    private static Key tokenKey(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidRefreshTokenException("malformed");
        }
        return Keys.refreshToken(BlobStore.sha256(token.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A condition of the rotation transaction failed: somebody rotated or revoked in between. */
    private static final class ConcurrentRotationException extends RuntimeException {
        ConcurrentRotationException() {
            super(null, null, false, false);
        }
    }
}
