package dev.samokoder.services.auth;

import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.core.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The token bucket against DynamoDB Local: one bucket per subject, shared by every instance, never overspent. */
@ExtendWith(LocalAwsExtension.class)
class RateLimiterIT {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private Storage storage;

    @BeforeEach
    void setUp(LocalAws aws) {
        storage = aws.storage(clock);
    }

    @Test
    void aBurst_isAllowed_thenTheNextRequestWaitsForItsToken() {
        // given: 60 a minute (one a second), a burst of 3
        RateLimiter limiter = new RateLimiter(storage.table(), 60, 3, clock);
        String subject = Ids.newId("usr");

        // when / then
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire(subject).allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.acquire(subject);
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.acquire(subject).allowed()).isTrue();
    }

    @Test
    void twentyRequestsAtOnce_fromTwoInstances_neverSpendMoreThanTheBurst() throws Exception {
        // given: two instances (as two Lambdas) over one bucket with 5 tokens and no refill while they race
        RetryPolicy policy = RetryPolicy.defaults();
        RateLimiter one = new RateLimiter(storage.table(), 1, 5, clock, policy);
        RateLimiter other = new RateLimiter(storage.table(), 1, 5, clock, policy);
        String subject = Ids.newId("usr");
        CountDownLatch start = new CountDownLatch(1);
        List<Future<RateLimiter.Decision>> decisions = new ArrayList<>();

        // when
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                RateLimiter limiter = i % 2 == 0 ? one : other;
                decisions.add(pool.submit(() -> {
                    start.await();
                    return limiter.acquire(subject);
                }));
            }
            start.countDown();
        }

        // then: a request that lost every race is refused, never let through
        int allowed = 0;
        for (Future<RateLimiter.Decision> decision : decisions) {
            allowed += decision.get().allowed() ? 1 : 0;
        }
        assertThat(allowed).isBetween(1, 5);
        RateLimiter.Decision after = one.acquire(subject);
        assertThat(after.allowed()).isEqualTo(allowed < 5);
    }

    /**
     * A busy subject's requests at one instance take tokens in leases, not one bucket write each; across two
     * instances and with no refill, no more than the burst is ever let through.
     */
    @Test
    void aBusySubjectsLeases_saveBucketWrites_andNeverLetMoreThanTheBurstThrough() {
        RateLimiter one = new RateLimiter(storage.table(), 1, 100, clock);
        RateLimiter other = new RateLimiter(storage.table(), 1, 100, clock);
        String subject = Ids.newId("usr");

        int allowed = 0;
        for (int i = 0; i < 300; i++) {
            allowed += (i % 2 == 0 ? one : other).acquire(subject).allowed() ? 1 : 0;
        }

        long writes = storage.table().get(dev.samokoder.core.storage.Keys.rateBucket(subject))
                .map(item -> Long.parseLong(item.get("version").n())).orElseThrow();
        assertThat(allowed).as("requests let through").isBetween(90, 100);
        assertThat(writes).as("bucket writes for %d allowed requests", allowed).isLessThan(allowed / 4);
    }

    /** A subject sending one request at a time spends one token at a time: the limit is as exact as without leases. */
    @Test
    void aSubjectSendingOneRequestAtATime_getsExactlyItsRate() {
        RateLimiter limiter = new RateLimiter(storage.table(), 60, 100, clock);
        String subject = Ids.newId("usr");

        int allowed = 0;
        for (int i = 0; i < 200; i++) {
            allowed += limiter.acquire(subject).allowed() ? 1 : 0;
            clock.advance(Duration.ofMillis(1_500)); // 40 a minute, under the 60 a minute
        }

        assertThat(allowed).isEqualTo(200);
    }

    /**
     * A client polling faster than the refill (3 a second against 2, burst 20) drains the bucket by its real excess
     * only: what a lease did not spend goes back with the next take, so the first refusal comes after about 20 s
     * (60 requests), not after the 7 s that charging whole leases would give.
     */
    @Test
    void aSteadyPoller_spendsOneTokenPerRequest_soTheBurstLastsAsLongAsItsRealExcess() {
        RateLimiter limiter = new RateLimiter(storage.table(), 120, 20, clock);
        String subject = Ids.newId("usr");

        int firstRefused = -1;
        for (int i = 0; i < 120 && firstRefused < 0; i++) {
            if (!limiter.acquire(subject).allowed()) {
                firstRefused = i;
            }
            clock.advance(Duration.ofMillis(333));
        }

        assertThat(firstRefused).as("requests allowed before the first refusal").isBetween(50, 75);
    }
}
