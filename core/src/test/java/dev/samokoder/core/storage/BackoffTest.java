package dev.samokoder.core.storage;

import dev.samokoder.core.config.RetryPolicy;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void ceiling_doublesFromTheBase_upToTheMax() {
        // given
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100));

        // then
        assertThat(backoff.ceiling(1)).isEqualTo(Duration.ofMillis(10));
        assertThat(backoff.ceiling(2)).isEqualTo(Duration.ofMillis(20));
        assertThat(backoff.ceiling(3)).isEqualTo(Duration.ofMillis(40));
        assertThat(backoff.ceiling(4)).isEqualTo(Duration.ofMillis(80));
        assertThat(backoff.ceiling(5)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(1_000_000)).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void delay_isAUniformDrawBetweenZeroAndTheCeiling_bothIncluded() {
        // given
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(100));
        Random random = new Random(17);
        Set<Long> seen = new HashSet<>();

        // when
        for (int i = 0; i < 5_000; i++) {
            seen.add(backoff.delay(1, random).toMillis());
        }

        // then: every value of [0, 10] and nothing else
        assertThat(seen).containsExactlyInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void aZeroBase_retriesAtOnce() {
        Backoff backoff = new Backoff(Duration.ZERO, Duration.ofMillis(100));

        assertThat(backoff.ceiling(7)).isZero();
        assertThat(backoff.delay(7, new Random(1))).isZero();
    }

    @Test
    void aHugeMax_doesNotOverflow() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofMillis(Long.MAX_VALUE));

        assertThat(backoff.ceiling(62)).isEqualTo(Duration.ofMillis(1L << 61));
        assertThat(backoff.ceiling(200)).isEqualTo(Duration.ofMillis(Long.MAX_VALUE));
    }

    @Test
    void theBatchBackoff_isWhatTheBatchesWaitedBefore() {
        // 25 ms doubled per round, at most a second, as the unprocessed items of a batch were retried before
        assertThat(Backoff.THROTTLED_BATCH.ceiling(1)).isEqualTo(Duration.ofMillis(50));
        assertThat(Backoff.THROTTLED_BATCH.ceiling(5)).isEqualTo(Duration.ofMillis(800));
        assertThat(Backoff.THROTTLED_BATCH.ceiling(6)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aPolicysBackoff_hasItsBaseAndMax() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(7), Duration.ofMillis(70));

        assertThat(Backoff.of(policy)).isEqualTo(new Backoff(Duration.ofMillis(7), Duration.ofMillis(70)));
    }

    @Test
    void aMaxBelowTheBase_orANegativeBase_isRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(10), Duration.ofMillis(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ofMillis(-1), Duration.ofMillis(5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ZERO).ceiling(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
