package dev.samokoder.services.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Short-lived ES256 access tokens in the RFC 9068 shape ({@code typ: at+jwt}). Verification trusts
 * nothing in the token to pick how it is checked: the algorithm is fixed to ES256 and the key is the
 * configured one, so {@code alg: none}, HMAC-with-the-public-key and embedded-key tricks all fail.
 */
public final class AccessTokens {

    public static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
    /** How far ahead of our clock another instance's clock may be when it issues a token. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /** Ours are about 500 characters; the bound keeps parsing cheap for anything sent at us. */
    public static final int MAX_TOKEN_LENGTH = 4096;

    /** Tokens whose verification is remembered: far more than one function instance's users of 15 minutes. */
    static final int VERIFIED_CACHE_SIZE = 4_096;

    static final JOSEObjectType TYPE = new JOSEObjectType("at+jwt");
    static final String SESSION_ID_CLAIM = "sid";
    private static final Set<String> ACCEPTED_TYPES = Set.of("at+jwt", "application/at+jwt");

    private final String keyId;
    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;
    private final VerifiedTokens verified = new VerifiedTokens(VERIFIED_CACHE_SIZE);

    public AccessTokens(ECKey signingKey, String issuer, String audience, Duration ttl, Clock clock) {
        Objects.requireNonNull(signingKey, "signingKey");
        if (!signingKey.isPrivate() || !Curve.P_256.equals(signingKey.getCurve())) {
            throw new IllegalArgumentException("the signing key must be a private P-256 key");
        }
        this.issuer = requireText(issuer, "issuer");
        this.audience = requireText(audience, "audience");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("ttl must be at least one second, got " + ttl);
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            this.keyId = signingKey.getKeyID() != null ? signingKey.getKeyID() : signingKey.computeThumbprint().toString();
            this.signer = new ECDSASigner(signingKey);
            this.verifier = new ECDSAVerifier(signingKey.toPublicJWK());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("the signing key cannot be used for ES256", e);
        }
    }

    public IssuedAccessToken issue(String userId, String sessionId) {
        requireText(userId, "userId");
        requireText(sessionId, "sessionId");
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = issuedAt.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String jti = UUID.randomUUID().toString();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.ES256).type(TYPE).keyID(keyId).build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject(userId)
                .claim(SESSION_ID_CLAIM, sessionId)
                .jwtID(jti)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign an access token", e);
        }
        return new IssuedAccessToken(jwt.serialize(), jti, expiresAt);
    }

    /**
     * The claims of a token this service issued and that is still valid; otherwise throws. A token
     * verified before is answered from a small cache, keyed by the whole token, until it expires: an
     * ES256 verification costs about half a millisecond of CPU, and a client sends the same token for
     * its 15 minutes. Only the exact string that verified is ever a hit, and its expiry is checked again.
     */
    public AccessTokenClaims verify(String token) {
        AccessTokenClaims cached = verified.get(token);
        if (cached != null) {
            if (clock.instant().isBefore(cached.expiresAt())) {
                return cached;
            }
            verified.remove(token);
            throw expired(cached.expiresAt());
        }
        AccessTokenClaims claims = verifyUncached(token);
        verified.put(token, claims);
        return claims;
    }

    private AccessTokenClaims verifyUncached(String token) {
        SignedJWT jwt = parseSigned(token);
        checkHeader(jwt.getHeader());
        checkSignature(jwt);
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw invalid("has claims that are not a valid JWT claims set");
        }
        checkIssuerAndAudience(claims);
        Instant now = clock.instant();
        Instant expiresAt = checkTimes(claims, now);
        String sessionId;
        try {
            sessionId = claims.getStringClaim(SESSION_ID_CLAIM);
        } catch (ParseException e) {
            throw invalid("has a session id (sid) that is not a string");
        }
        if (isBlank(claims.getSubject()) || isBlank(sessionId) || isBlank(claims.getJWTID())) {
            throw invalid("lacks a subject (sub), session id (sid) or token id (jti)");
        }
        return new AccessTokenClaims(claims.getSubject(), sessionId, claims.getJWTID(),
                claims.getIssueTime().toInstant(), expiresAt);
    }

    private static SignedJWT parseSigned(String token) {
        if (token == null || token.isEmpty()) {
            throw invalid("is missing");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid("is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException | RuntimeException e) {
            // hostile input must end as a refusal, whatever the parser makes of it
            throw invalid("is not a JWT");
        }
        if (jwt instanceof PlainJWT) {
            throw invalid("is unsigned (alg none)");
        }
        if (jwt instanceof EncryptedJWT) {
            throw invalid("is encrypted; only signed tokens are accepted");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw invalid("is not a signed JWT");
        }
        return signed;
    }

    private static void checkHeader(JWSHeader header) {
        if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
            throw invalid("is signed with an algorithm other than ES256");
        }
        JOSEObjectType type = header.getType();
        if (type == null || !ACCEPTED_TYPES.contains(type.getType().toLowerCase(Locale.ROOT))) {
            throw invalid("is not of type at+jwt (typ header)");
        }
        if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
            throw invalid("has critical header parameters (crit), which are not supported");
        }
    }

    private void checkSignature(SignedJWT jwt) {
        boolean valid;
        try {
            valid = jwt.verify(verifier);
        } catch (JOSEException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw invalid("has a signature that does not verify with our key");
        }
    }

    private void checkIssuerAndAudience(JWTClaimsSet claims) {
        if (!issuer.equals(claims.getIssuer())) {
            throw invalid("is from another issuer (iss)");
        }
        List<String> audiences = claims.getAudience();
        if (audiences.size() != 1 || !audience.equals(audiences.get(0))) {
            throw invalid("is for another audience (aud)");
        }
    }

    private static Instant checkTimes(JWTClaimsSet claims, Instant now) {
        Date exp = claims.getExpirationTime();
        Date iat = claims.getIssueTime();
        if (exp == null || iat == null) {
            throw invalid("lacks an expiry (exp) or issue time (iat)");
        }
        Instant expiresAt = exp.toInstant();
        if (!now.isBefore(expiresAt)) {
            throw expired(expiresAt);
        }
        Instant latestAcceptable = now.plus(CLOCK_SKEW);
        if (iat.toInstant().isAfter(latestAcceptable)) {
            throw invalid("is not valid yet: issued more than " + CLOCK_SKEW.toSeconds() + " s in the future (iat)");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && nbf.toInstant().isAfter(latestAcceptable)) {
            throw invalid("is not valid yet (nbf)");
        }
        return expiresAt;
    }

    private static InvalidAccessTokenException expired(Instant expiresAt) {
        return new InvalidAccessTokenException("access token expired at " + expiresAt, true);
    }

    private static InvalidAccessTokenException invalid(String problem) {
        return new InvalidAccessTokenException("access token " + problem);
    }

    private static String requireText(String value, String name) {
        if (isBlank(value)) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** The least recently used verified tokens, bounded; safe for the local gateway's concurrent requests. */
    private static final class VerifiedTokens {

        private final Map<String, AccessTokenClaims> entries;

        VerifiedTokens(int capacity) {
            this.entries = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, AccessTokenClaims> eldest) {
                    return size() > capacity;
                }
            });
        }

        AccessTokenClaims get(String token) {
            return token == null ? null : entries.get(token);
        }

        void put(String token, AccessTokenClaims claims) {
            entries.put(token, claims);
        }

        void remove(String token) {
            entries.remove(token);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
