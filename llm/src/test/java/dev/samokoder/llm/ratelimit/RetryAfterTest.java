package dev.samokoder.llm.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void secondsInRetryAfter_areTheWait() {
        assertThat(RetryAfter.fromHeaders(Map.of("Retry-After", List.of("7")), clock)).contains(Duration.ofSeconds(7));
    }

    @Test
    void fractionalSeconds_roundUpToTheMillisecond() {
        assertThat(RetryAfter.fromHeaders(Map.of("retry-after", List.of("1.5")), clock)).contains(Duration.ofMillis(1500));
    }

    @Test
    void anHttpDate_isTheWaitUntilThatTime() {
        assertThat(RetryAfter.fromHeaders(Map.of("retry-after", List.of("Sun, 01 Mar 2026 12:00:30 GMT")), clock))
                .contains(Duration.ofSeconds(30));
    }

    @Test
    void aDateInThePast_meansNoWait() {
        assertThat(RetryAfter.fromHeaders(Map.of("retry-after", List.of("Sun, 01 Mar 2026 11:00:00 GMT")), clock))
                .contains(Duration.ZERO);
    }

    @Test
    void retryAfterMs_isPreferred_whenBothAreSent() {
        // given: OpenAI sends both, the millisecond one is the precise one
        var headers = Map.of("retry-after", List.of("1"), "retry-after-ms", List.of("250"));

        // when / then
        assertThat(RetryAfter.fromHeaders(headers, clock)).contains(Duration.ofMillis(250));
    }

    @Test
    void anUnreadableOrMissingHint_isNoHint() {
        assertThat(RetryAfter.fromHeaders(Map.of("retry-after", List.of("soon")), clock)).isEmpty();
        assertThat(RetryAfter.fromHeaders(Map.of("retry-after", List.of("-3")), clock)).isEmpty();
        assertThat(RetryAfter.fromHeaders(Map.of(), clock)).isEmpty();
    }
}
