package dev.samokoder.core.storage;

import dev.samokoder.core.config.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The one pause before a retry: exponential with full jitter, as AWS recommends, so writers that
 * failed together do not come back together. Before retry {@code n} (1 is the second try) the
 * pause is drawn uniformly from [0, {@link #ceiling ceiling(n)}]; the ceiling is {@code base}
 * for the first retry, doubles with each one, and stops at {@code max}.
 */
public record Backoff(Duration base, Duration max) {

    /**
     * For the items DynamoDB leaves unprocessed in a batch (it does so when throttled): waiting
     * out a throttle takes longer than a lost race.
     */
    public static final Backoff THROTTLED_BATCH = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1));

    public Backoff {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(max, "max");
        if (base.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 <= base <= max, got " + base + " and " + max);
        }
    }

    /** The backoff of a conflict retry policy. */
    public static Backoff of(RetryPolicy policy) {
        return new Backoff(policy.backoffBase(), policy.backoffMax());
    }

    /** The longest pause before retry {@code retry} (from 1): base × 2^(retry − 1), at most max. */
    public Duration ceiling(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1, got " + retry);
        }
        long maxMillis = max.toMillis();
        long ceiling = base.toMillis();
        for (int n = 1; n < retry && ceiling < maxMillis; n++) {
            ceiling = ceiling > maxMillis / 2 ? maxMillis : ceiling * 2;
        }
        return Duration.ofMillis(Math.min(ceiling, maxMillis));
    }

    /** The pause before retry {@code retry}: a uniform draw from [0, ceiling], in whole milliseconds. */
    public Duration delay(int retry, RandomGenerator random) {
        return Duration.ofMillis(random.nextLong(ceiling(retry).toMillis() + 1));
    }

    /**
     * Sleeps before round {@code round} of a batch's unprocessed items (round 0, the first
     * request, does not wait).
     *
     * @throws IllegalStateException if the thread is interrupted while it waits (the flag is restored)
     */
    public void beforeRound(int round) {
        if (round == 0) {
            return;
        }
        try {
            Thread.sleep(delay(round, ThreadLocalRandom.current()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a DynamoDB batch", e);
        }
    }
}
