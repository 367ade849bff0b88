package dev.samokoder.llm.ratelimit;

import dev.samokoder.core.llm.RateLimitedException;
import dev.samokoder.core.models.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitRetryTest {

    private final List<Duration> waits = new ArrayList<>();
    private final Sleeper recordingSleeper = waits::add;

    @Test
    void aRateLimitWithAHint_isWaitedOutForThatLong_thenTheCallIsMadeAgain() {
        // given
        RateLimitRetry retry = new RateLimitRetry(Duration.ofSeconds(60), recordingSleeper);
        AtomicInteger attempts = new AtomicInteger();

        // when
        String answer = retry.call(() -> attempts.incrementAndGet() < 3 ? throwLimited(Duration.ofSeconds(2)) : "ok");

        // then
        assertThat(answer).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Test
    void withoutAHint_theWaitDoublesFromOneSecond() {
        // given
        RateLimitRetry retry = new RateLimitRetry(Duration.ofSeconds(60), recordingSleeper);
        AtomicInteger attempts = new AtomicInteger();

        // when
        retry.call(() -> attempts.incrementAndGet() < 4 ? throwLimited(null) : "ok");

        // then
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void whenTheNextWaitWouldPassTheBound_theRateLimitIsTheCallers() {
        // given: 10 s in all, the provider asks for 4 s each time
        RateLimitRetry retry = new RateLimitRetry(Duration.ofSeconds(10), recordingSleeper);

        // when / then
        assertThatThrownBy(() -> retry.call(() -> throwLimited(Duration.ofSeconds(4))))
                .isInstanceOf(RateLimitedException.class);
        assertThat(waits).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    }

    @Test
    void aHintLongerThanTheBound_failsAtOnce_withoutWaiting() {
        RateLimitRetry retry = new RateLimitRetry(Duration.ofSeconds(10), recordingSleeper);

        assertThatThrownBy(() -> retry.call(() -> throwLimited(Duration.ofMinutes(5)))).isInstanceOf(RateLimitedException.class);
        assertThat(waits).isEmpty();
    }

    @Test
    void aZeroHint_stillWaitsAMinimum_soTheLoopIsNeverTight() {
        // given
        RateLimitRetry retry = new RateLimitRetry(Duration.ofSeconds(1), recordingSleeper);

        // when / then: 100 ms per try, ten tries fit in a second
        assertThatThrownBy(() -> retry.call(() -> throwLimited(Duration.ZERO))).isInstanceOf(RateLimitedException.class);
        assertThat(waits).hasSize(10).allMatch(Duration.ofMillis(100)::equals);
    }

    private static String throwLimited(Duration hint) {
        throw new RateLimitedException(Provider.OPENAI, OptionalInt.of(429), Optional.ofNullable(hint), "slow down", null);
    }
}
