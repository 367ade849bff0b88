package dev.samokoder.services.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignaturesTest {

    private static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String SECRET = "whsec_test";
    private static final byte[] BODY = "{\"request\":\"Add a dark mode toggle\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void gitHubSignature_matchesGitHubsPublishedExample() {
        // given: the example of docs.github.com "Validating webhook deliveries"
        byte[] payload = "Hello, World!".getBytes(StandardCharsets.UTF_8);

        // when
        String header = WebhookSignatures.signGitHub("It's a Secret to Everybody", payload);

        // then
        assertThat(header).isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
        assertThat(WebhookSignatures.verify("It's a Secret to Everybody", Optional.empty(), Optional.of(header), payload, NOW, TOLERANCE))
                .isEqualTo("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }

    @Test
    void samokoderSignature_verifiesWithinTheToleranceEitherWay() {
        for (Duration skew : new Duration[] {Duration.ZERO, Duration.ofSeconds(300), Duration.ofSeconds(-300)}) {
            String header = WebhookSignatures.sign(SECRET, NOW.plus(skew), BODY);
            assertThat(WebhookSignatures.verify(SECRET, Optional.of(header), Optional.empty(), BODY, NOW, TOLERANCE)).hasSize(64);
        }
    }

    @Test
    void samokoderSignature_outsideTheToleranceIsStale() {
        for (Duration skew : new Duration[] {Duration.ofSeconds(301), Duration.ofSeconds(-301), Duration.ofDays(1)}) {
            String header = WebhookSignatures.sign(SECRET, NOW.plus(skew), BODY);
            assertThatThrownBy(() -> WebhookSignatures.verify(SECRET, Optional.of(header), Optional.empty(), BODY, NOW, TOLERANCE))
                    .isInstanceOf(StaleSignatureException.class);
        }
    }

    @Test
    void samokoderSignature_aChangedTimestampDoesNotVerify() {
        // given: a valid signature whose timestamp is moved into the tolerance window (a replay)
        String old = WebhookSignatures.sign(SECRET, NOW.minus(Duration.ofHours(1)), BODY);
        String moved = "t=" + NOW.getEpochSecond() + "," + old.substring(old.indexOf("v1="));

        // when, then
        assertThatThrownBy(() -> WebhookSignatures.verify(SECRET, Optional.of(moved), Optional.empty(), BODY, NOW, TOLERANCE))
                .isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void samokoderSignature_acceptsAnyOfSeveralV1ValuesDuringARotation() {
        String valid = WebhookSignatures.sign(SECRET, NOW, BODY);
        String rotated = "t=" + NOW.getEpochSecond() + ",v1=" + "0".repeat(64) + "," + valid.substring(valid.indexOf("v1="));

        assertThat(WebhookSignatures.verify(SECRET, Optional.of(rotated), Optional.empty(), BODY, NOW, TOLERANCE)).hasSize(64);
    }

    @Test
    void wrongMissingAndMalformedSignaturesAreInvalid() {
        String valid = WebhookSignatures.sign(SECRET, NOW, BODY);
        byte[] otherBody = "{\"request\":\"Delete everything\"}".getBytes(StandardCharsets.UTF_8);
        assertInvalid(Optional.empty(), Optional.empty(), BODY);
        assertInvalid(Optional.of(valid), Optional.empty(), otherBody);
        assertInvalid(Optional.of("t=abc,v1=" + "0".repeat(64)), Optional.empty(), BODY);
        assertInvalid(Optional.of("v1=" + valid.substring(valid.indexOf("v1=") + 3)), Optional.empty(), BODY);
        assertInvalid(Optional.of("t=" + NOW.getEpochSecond()), Optional.empty(), BODY);
        assertInvalid(Optional.of("t=" + NOW.getEpochSecond() + ",v1=zz"), Optional.empty(), BODY);
        assertInvalid(Optional.empty(), Optional.of("sha1=" + "0".repeat(40)), BODY);
        assertInvalid(Optional.empty(), Optional.of("sha256=" + "g".repeat(64)), BODY);
        assertInvalid(Optional.empty(), Optional.of(WebhookSignatures.signGitHub("another secret", BODY)), BODY);
        assertInvalid(Optional.of("t=1," + "v1=00,".repeat(300)), Optional.empty(), BODY);
    }

    @Test
    void ourHeaderWinsWhenBothAreThere() {
        // a valid GitHub signature does not rescue a wrong Samokoder-Signature
        assertInvalid(Optional.of("t=" + NOW.getEpochSecond() + ",v1=" + "0".repeat(64)),
                Optional.of(WebhookSignatures.signGitHub(SECRET, BODY)), BODY);
    }

    private static void assertInvalid(Optional<String> samokoder, Optional<String> gitHub, byte[] body) {
        assertThatThrownBy(() -> WebhookSignatures.verify(SECRET, samokoder, gitHub, body, NOW, TOLERANCE))
                .as(samokoder + " / " + gitHub).isInstanceOf(InvalidSignatureException.class);
    }
}
