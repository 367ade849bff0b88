package dev.samokoder.core.storage;

import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.storage.OptimisticRetry.Contention;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retry loop alone: no table, and no pause is really waited (the sleeper records it). */
class OptimisticRetryTest {

    private static final RetryPolicy FIVE = new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(100));
    /** Always draws the top of the range: the pauses are the ceilings. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException();
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    private final List<Duration> pauses = new ArrayList<>();
    private final OptimisticRetry.Sleeper recording = pauses::add;

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aConflictEveryTime_isRetriedUpToTheBound_thenTheCallersErrorIsThrown() {
        // given
        AtomicInteger tries = new AtomicInteger();
        List<VersionConflictException> conflicts = new ArrayList<>();
        OptimisticRetry retry = new OptimisticRetry(FIVE, recording);

        // when
        assertThatThrownBy(() -> retry.run(attempt -> {
            assertThat(attempt).isEqualTo(tries.incrementAndGet());
            conflicts.add(conflict());
            throw conflicts.getLast();
        }, contention -> new BusyException(contention), VersionConflictException.class))

                // then
                .isInstanceOfSatisfying(BusyException.class, busy -> {
                    assertThat(busy.contention.attempts()).isEqualTo(5);
                    assertThat(busy.contention.lastConflict()).isSameAs(conflicts.getLast());
                    assertThat(busy.contention.interrupted()).isFalse();
                    assertThat(busy).hasMessage("busy after 5 attempts");
                });
        assertThat(tries).hasValue(5);
        assertThat(pauses).hasSize(4);
    }

    @Test
    void aSuccess_endsTheRetries_andIsTheAnswer() {
        // given
        AtomicInteger tries = new AtomicInteger();
        OptimisticRetry retry = new OptimisticRetry(FIVE, recording);

        // when
        String answer = retry.get(attempt -> {
            if (tries.incrementAndGet() < 3) {
                throw new ItemAlreadyExistsException(new Key("P", "S"));
            }
            return "written on try " + attempt;
        }, Contention::rethrow, VersionConflictException.class, ItemAlreadyExistsException.class);

        // then
        assertThat(answer).isEqualTo("written on try 3");
        assertThat(tries).hasValue(3);
        assertThat(pauses).hasSize(2);
    }

    @Test
    void aFirstTrySuccess_neverPauses() {
        OptimisticRetry retry = new OptimisticRetry(FIVE, recording);

        Integer tries = retry.get(attempt -> attempt, Contention::rethrow, VersionConflictException.class);

        assertThat(tries).isEqualTo(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void thePauses_growExponentiallyToTheMax() {
        // given: a jitter that always draws the top of its range
        OptimisticRetry retry = new OptimisticRetry(FIVE.withAttempts(8), recording, HIGHEST);

        // when
        Integer answer = retry.get(attempt -> {
            throw conflict();
        }, contention -> -contention.attempts(), VersionConflictException.class);

        // then
        assertThat(answer).isEqualTo(-8);
        assertThat(pauses).extracting(Duration::toMillis).containsExactly(10L, 20L, 40L, 80L, 100L, 100L, 100L);
    }

    @Test
    void thePauses_areJitteredBetweenZeroAndTheirCeiling() {
        // given
        RetryPolicy many = FIVE.withAttempts(401);
        OptimisticRetry retry = new OptimisticRetry(many, recording, new Random(42));
        Backoff backoff = Backoff.of(many);

        // when
        retry.get(attempt -> {
            throw conflict();
        }, contention -> null, VersionConflictException.class);

        // then: each within [0, its ceiling], and not all at the ceiling
        assertThat(pauses).hasSize(400);
        for (int retryNumber = 1; retryNumber <= pauses.size(); retryNumber++) {
            assertThat(pauses.get(retryNumber - 1)).isBetween(Duration.ZERO, backoff.ceiling(retryNumber));
        }
        assertThat(pauses.stream().distinct().count()).isGreaterThan(50);
        assertThat(pauses).contains(Duration.ZERO, Duration.ofMillis(100));
    }

    @Test
    void anExceptionThatIsNoConflict_passesThroughUntouched_withoutARetry() {
        // given
        IllegalStateException broken = new IllegalStateException("the table is gone");
        AtomicInteger tries = new AtomicInteger();
        OptimisticRetry retry = new OptimisticRetry(FIVE, recording);

        // when
        assertThatThrownBy(() -> retry.get(attempt -> {
            tries.incrementAndGet();
            throw broken;
        }, contention -> "contended", VersionConflictException.class))

                // then
                .isSameAs(broken);
        assertThat(tries).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void anExceptionThatIsNoConflict_afterAConflict_passesThroughToo() {
        // given
        IllegalStateException broken = new IllegalStateException("the table is gone");
        OptimisticRetry retry = new OptimisticRetry(FIVE, recording);

        // when / then
        assertThatThrownBy(() -> retry.run(attempt -> {
            if (attempt == 1) {
                throw conflict();
            }
            throw broken;
        }, BusyException::new, VersionConflictException.class)).isSameAs(broken);
        assertThat(pauses).hasSize(1);
    }

    @Test
    void anInterruptedPause_restoresTheFlag_andEndsWithTheCallersContention() {
        // given
        AtomicInteger tries = new AtomicInteger();
        OptimisticRetry retry = new OptimisticRetry(FIVE, pause -> {
            throw new InterruptedException("stop");
        });

        // when
        assertThatThrownBy(() -> retry.run(attempt -> {
            tries.incrementAndGet();
            throw conflict();
        }, BusyException::new, VersionConflictException.class))

                // then
                .isInstanceOfSatisfying(BusyException.class, busy -> {
                    assertThat(busy.contention.interrupted()).isTrue();
                    assertThat(busy.contention.attempts()).isEqualTo(1);
                });
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(tries).hasValue(1);
    }

    @Test
    void theRealSleeper_isInterruptedToo() {
        // given: an interrupt already pending when the first pause begins
        OptimisticRetry retry = new OptimisticRetry(new RetryPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(10)));
        Thread.currentThread().interrupt();

        // when
        Contention contention = retry.get(attempt -> {
            throw conflict();
        }, c -> c, VersionConflictException.class);

        // then: no ten-second wait, the flag is set again
        assertThat(contention.interrupted()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void aBoundOfOne_triesOnce() {
        OptimisticRetry retry = new OptimisticRetry(FIVE.withAttempts(1), recording);

        assertThatThrownBy(() -> retry.run(attempt -> {
            throw conflict();
        }, BusyException::new, VersionConflictException.class)).isInstanceOf(BusyException.class);
        assertThat(pauses).isEmpty();
    }

    @Test
    void naming_noConflict_isRefused() {
        OptimisticRetry retry = new OptimisticRetry(FIVE, recording);

        assertThatThrownBy(() -> retry.get(attempt -> 1, Contention::rethrow)).isInstanceOf(IllegalArgumentException.class);
    }

    private static VersionConflictException conflict() {
        return new VersionConflictException(new Key("P", "S"), 1, OptionalLong.of(2));
    }

    /** A caller's own contention error. */
    private static final class BusyException extends RuntimeException {

        private final Contention contention;

        BusyException(Contention contention) {
            super("busy after " + contention.attempts() + " attempts");
            this.contention = contention;
        }
    }
}
