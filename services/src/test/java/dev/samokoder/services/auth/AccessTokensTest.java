package dev.samokoder.services.auth;

import dev.samokoder.core.testing.MovableClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AccessTokensTest {

    private static final String ISSUER = "https://api.samokoder.dev";
    private static final String AUDIENCE = "samokoder-api";
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00.250Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ECKey key;
    private static ECKey otherKey;

    @BeforeAll
    static void keys() {
        key = SigningKeys.generate();
        otherKey = SigningKeys.generate();
    }

    private static AccessTokens tokens(Clock clock) {
        return new AccessTokens(key, ISSUER, AUDIENCE, AccessTokens.DEFAULT_TTL, clock);
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void verify_returnsTheClaimsOfATokenItIssued() {
        // given
        AccessTokens tokens = tokens(CLOCK);
        IssuedAccessToken issued = tokens.issue("usr_1", "ses_1");

        // when
        AccessTokenClaims claims = tokens.verify(issued.token());

        // then
        Instant issuedAt = Instant.parse("2025-03-01T10:00:00Z");
        assertThat(claims).isEqualTo(new AccessTokenClaims("usr_1", "ses_1", issued.jti(), issuedAt,
                issuedAt.plus(Duration.ofMinutes(15))));
        assertThat(issued.expiresAt()).isEqualTo(issuedAt.plus(Duration.ofMinutes(15)));
    }

    @Test
    void issue_writesAnRfc9068HeaderAndTheAgreedClaims() throws Exception {
        // when
        IssuedAccessToken issued = tokens(CLOCK).issue("usr_1", "ses_1");

        // then
        String[] parts = issued.token().split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        assertThat(header.get("typ").asText()).isEqualTo("at+jwt");
        assertThat(header.get("kid").asText()).isEqualTo(key.getKeyID());
        assertThat(payload.get("iss").asText()).isEqualTo(ISSUER);
        assertThat(payload.get("aud").isTextual()).isTrue();
        assertThat(payload.get("aud").asText()).isEqualTo(AUDIENCE);
        assertThat(payload.get("sub").asText()).isEqualTo("usr_1");
        assertThat(payload.get("sid").asText()).isEqualTo("ses_1");
        assertThat(payload.get("jti").asText()).isEqualTo(issued.jti()).matches("[0-9a-f-]{36}");
        assertThat(payload.get("iat").asLong()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z").getEpochSecond());
        assertThat(payload.get("exp").asLong()).isEqualTo(Instant.parse("2025-03-01T10:15:00Z").getEpochSecond());
        assertThat(tokens(CLOCK).issue("usr_1", "ses_1").jti()).isNotEqualTo(issued.jti());
    }

    @Test
    void verify_refusesAnExpiredToken() {
        // given
        IssuedAccessToken issued = tokens(CLOCK).issue("usr_1", "ses_1");
        AccessTokens later = tokens(at(issued.expiresAt()));

        // when / then
        assertThatThrownBy(() -> later.verify(issued.token()))
                .isInstanceOf(InvalidAccessTokenException.class)
                .hasMessageContaining("expired");
        assertThat(tokens(at(issued.expiresAt().minusMillis(1))).verify(issued.token()).userId()).isEqualTo("usr_1");
    }

    /** A verified token is remembered by its exact string; being remembered never outlives its expiry or admits a neighbour. */
    @Test
    void aRememberedToken_stillExpires_andOnlyItsExactStringIsRemembered() {
        // given: verified once
        MovableClock clock = new MovableClock(NOW);
        AccessTokens tokens = tokens(clock);
        IssuedAccessToken issued = tokens.issue("usr_1", "ses_1");
        assertThat(tokens.verify(issued.token()).userId()).isEqualTo("usr_1");
        String token = issued.token();
        // the signature's first character: all six of its bits are the signature's (the last one's lowest two are padding)
        int at = token.lastIndexOf('.') + 1;
        String neighbour = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);

        // when / then: a string one character off is checked, and refused
        assertThatThrownBy(() -> tokens.verify(neighbour)).isInstanceOf(InvalidAccessTokenException.class);
        assertThat(tokens.verify(token).userId()).isEqualTo("usr_1");

        // and at its expiry the remembered token is refused as expired
        clock.advance(Duration.between(NOW, issued.expiresAt()));
        InvalidAccessTokenException expired = catchThrowableOfType(InvalidAccessTokenException.class, () -> tokens.verify(token));
        assertThat(expired.expired()).isTrue();
        assertThat(expired).hasMessageContaining("expired");
    }

    @Test
    void verify_refusesATokenIssuedMoreThanTheSkewInTheFuture() {
        // given
        IssuedAccessToken fromTheFuture = tokens(at(NOW.plusSeconds(61))).issue("usr_1", "ses_1");
        IssuedAccessToken withinSkew = tokens(at(NOW.plusSeconds(60))).issue("usr_1", "ses_1");
        AccessTokens now = tokens(CLOCK);

        // when / then
        assertThatThrownBy(() -> now.verify(fromTheFuture.token()))
                .isInstanceOf(InvalidAccessTokenException.class)
                .hasMessageContaining("not valid yet");
        assertThat(now.verify(withinSkew.token()).userId()).isEqualTo("usr_1");
    }

    @Test
    void verify_refusesAnotherIssuer() {
        // given
        String token = new AccessTokens(key, "https://evil.example", AUDIENCE, AccessTokens.DEFAULT_TTL, CLOCK)
                .issue("usr_1", "ses_1").token();

        // when / then
        assertRefused(token, "issuer");
    }

    @Test
    void verify_refusesAnotherAudience() {
        // given
        String token = new AccessTokens(key, ISSUER, "another-api", AccessTokens.DEFAULT_TTL, CLOCK)
                .issue("usr_1", "ses_1").token();

        // when / then
        assertRefused(token, "audience");
    }

    @Test
    void verify_refusesATamperedPayload() {
        // given: the signature of a real token over a payload naming someone else
        String[] parts = tokens(CLOCK).issue("usr_1", "ses_1").token().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = base64Url(payload.replace("\"usr_1\"", "\"usr_admin\""));
        String token = parts[0] + "." + forged + "." + parts[2];

        // when / then
        assertRefused(token, "signature");
    }

    @Test
    void verify_refusesATokenSignedByAnotherKey() {
        // given
        String token = new AccessTokens(otherKey, ISSUER, AUDIENCE, AccessTokens.DEFAULT_TTL, CLOCK)
                .issue("usr_1", "ses_1").token();

        // when / then
        assertRefused(token, "signature");
    }

    @Test
    void verify_refusesAnUnsignedAlgNoneToken() {
        // given: crafted by hand, as an attacker would
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\"}");
        String token = header + "." + validPayload() + ".";

        // when / then
        assertRefused(token, "unsigned");
        assertRefused(base64Url("{\"alg\":\"NONE\",\"typ\":\"at+jwt\"}") + "." + validPayload() + ".", "");
        assertRefused(header + "." + validPayload() + "." + base64Url("x"), "");
    }

    @Test
    void verify_refusesHs256SignedWithOurPublicKeyAsTheHmacSecret() throws Exception {
        // given: the classic algorithm-confusion attack
        byte[] publicKeyBytes = key.toECPublicKey().getEncoded();
        byte[] publicJwkBytes = key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
        List<String> forged = new ArrayList<>();
        for (byte[] secret : List.of(publicKeyBytes, publicJwkBytes)) {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256).type(AccessTokens.TYPE).keyID(key.getKeyID()).build(),
                    validClaims());
            jwt.sign(new MACSigner(secret));
            forged.add(jwt.serialize());
        }

        // when / then
        for (String token : forged) {
            assertRefused(token, "ES256");
        }
    }

    @Test
    void verify_refusesATokenWithoutTheAtJwtType() throws Exception {
        // given: correctly signed by our key, but typed as a plain JWT or not typed at all
        for (JOSEObjectType type : new JOSEObjectType[] {null, JOSEObjectType.JWT}) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).type(type).keyID(key.getKeyID()).build(),
                    validClaims());
            jwt.sign(new ECDSASigner(key));

            // when / then
            assertRefused(jwt.serialize(), "at+jwt");
        }
    }

    @Test
    void verify_acceptsTheMediaTypeFormOfAtJwt() throws Exception {
        // given: RFC 9068 allows both spellings
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(new JOSEObjectType("application/at+jwt")).keyID(key.getKeyID()).build(), validClaims());
        jwt.sign(new ECDSASigner(key));

        // when / then
        assertThat(tokens(CLOCK).verify(jwt.serialize()).userId()).isEqualTo("usr_1");
    }

    @Test
    void verify_refusesASignedTokenMissingSubSidOrJti() {
        for (UnaryOperator<JWTClaimsSet.Builder> strip : List.<UnaryOperator<JWTClaimsSet.Builder>>of(
                b -> b.subject(null), b -> b.claim("sid", null), b -> b.jwtID(null), b -> b.claim("sid", " "))) {
            // given
            String token = signedWith(strip.apply(new JWTClaimsSet.Builder(validClaims())).build());

            // when / then
            assertRefused(token, "lacks a subject (sub), session id (sid) or token id (jti)");
        }
    }

    @Test
    void verify_refusesASessionIdThatIsNotAString() {
        // given
        String token = signedWith(new JWTClaimsSet.Builder(validClaims()).claim("sid", 42).build());

        // when / then
        assertRefused(token, "session id (sid) that is not a string");
    }

    @Test
    void verify_refusesGarbage() {
        for (String garbage : List.of("garbage", "a.b.c", "a.b.c.d.e", "...", "eyJhbGciOiJFUzI1NiJ9.e30.AAAA",
                "\u0000\u0001.\u0002.\u0003", "Bearer " + tokens(CLOCK).issue("usr_1", "ses_1").token())) {
            assertRefused(garbage, "");
        }
        assertRefused("", "missing");
        assertThatThrownBy(() -> tokens(CLOCK).verify(null)).isInstanceOf(InvalidAccessTokenException.class);
    }

    @Test
    void verify_refusesTokensOver4096CharactersBeforeParsing() {
        // given: a real token made long enough by a large claim
        String padded = signedWith(new JWTClaimsSet.Builder(validClaims()).claim("pad", "p".repeat(4000)).build());

        // when / then
        assertThat(padded.length()).isGreaterThan(4096);
        assertRefused(padded, "4096");
        assertRefused("x".repeat(4097), "4096");
    }

    @Test
    void verify_neverPutsTheTokenInTheExceptionMessage() throws Exception {
        // given: one of each refusal
        IssuedAccessToken issued = tokens(CLOCK).issue("usr_1", "ses_1");
        SignedJWT untyped = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), validClaims());
        untyped.sign(new ECDSASigner(key));
        List<String> refused = List.of(
                issued.token().substring(0, issued.token().length() - 4) + "AAAA",
                new AccessTokens(otherKey, ISSUER, AUDIENCE, AccessTokens.DEFAULT_TTL, CLOCK).issue("usr_1", "ses_1").token(),
                base64Url("{\"alg\":\"none\"}") + "." + validPayload() + ".",
                untyped.serialize(),
                "garbage-" + "x".repeat(100),
                "y".repeat(5000));
        AccessTokens later = tokens(at(issued.expiresAt().plusSeconds(1)));

        for (String token : refused) {
            // when
            InvalidAccessTokenException e = catchThrowableOfType(InvalidAccessTokenException.class,
                    () -> tokens(CLOCK).verify(token));

            // then
            assertThat(e).isNotNull();
            assertMessageKeepsTokenOut(e, token);
        }
        assertMessageKeepsTokenOut(catchThrowableOfType(InvalidAccessTokenException.class,
                () -> later.verify(issued.token())), issued.token());
    }

    @Test
    void issuedAccessToken_toStringLeavesTheTokenOut() {
        // given
        IssuedAccessToken issued = tokens(CLOCK).issue("usr_1", "ses_1");

        // when / then
        assertThat(issued.toString()).doesNotContain(issued.token()).contains(issued.jti());
    }

    @Test
    void constructor_refusesAPublicKeyAndNonsenseSettings() {
        assertThatThrownBy(() -> new AccessTokens(key.toPublicJWK(), ISSUER, AUDIENCE, AccessTokens.DEFAULT_TTL, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessTokens(key, " ", AUDIENCE, AccessTokens.DEFAULT_TTL, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessTokens(key, ISSUER, AUDIENCE, Duration.ZERO, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertMessageKeepsTokenOut(InvalidAccessTokenException e, String token) {
        assertThat(e.getMessage()).startsWith("access token ").doesNotContain(token);
        for (String part : token.split("\\.")) {
            if (part.length() >= 8) {
                assertThat(e.getMessage()).doesNotContain(part);
            }
        }
    }

    private static void assertRefused(String token, String reasonFragment) {
        InvalidAccessTokenException e = catchThrowableOfType(InvalidAccessTokenException.class,
                () -> tokens(CLOCK).verify(token));
        assertThat(e).as("refused").isNotNull();
        assertThat(e.getMessage()).contains(reasonFragment);
        if (!token.isEmpty()) {
            assertThat(e.getMessage()).doesNotContain(token);
        }
    }

    private static JWSHeader ourHeader() {
        return new JWSHeader.Builder(JWSAlgorithm.ES256).type(AccessTokens.TYPE).keyID(key.getKeyID()).build();
    }

    private static JWTClaimsSet validClaims() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("usr_1")
                .claim("sid", "ses_1")
                .jwtID("3f6c1a52-2b1e-4c55-9f0e-5d1b8d2f7a10")
                .issueTime(Date.from(NOW.minusSeconds(10)))
                .expirationTime(Date.from(NOW.plusSeconds(600)))
                .build();
    }

    private static String validPayload() {
        return base64Url(validClaims().toString());
    }

    private static String signedWith(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(ourHeader(), claims);
            jwt.sign(new ECDSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
