package dev.samokoder.core.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How a read-modify-write that loses an optimistic race (the item changed since it was read) tries
 * again: at most {@code attempts} tries in all, each retry after a pause drawn at random below a
 * ceiling that starts at {@code backoffBase} and doubles up to {@code backoffMax} (exponential
 * backoff with full jitter). The storage layer's {@code OptimisticRetry} runs it. Every number
 * is a setting ({@code SAMOKODER_STORAGE_CONFLICT_*}); {@link #defaults()} and {@link #hotItemDefaults()}
 * are theirs.
 *
 * @param attempts    tries of one read-modify-write, the first included, before it reports contention
 * @param backoffBase the ceiling of the pause before the first retry (zero: retry at once)
 * @param backoffMax  the most the ceiling grows to
 */
public record RetryPolicy(int attempts, Duration backoffBase, Duration backoffMax) {

    public RetryPolicy {
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffMax, "backoffMax");
        if (attempts < 1 || backoffBase.isNegative() || backoffMax.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("a retry policy needs an attempt and 0 <= backoff base <= backoff max: " + this);
        }
    }

    /** {@code SAMOKODER_STORAGE_CONFLICT_ATTEMPTS} and the backoff's defaults: an item few write at once. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofMillis(10), Duration.ofMillis(100));
    }

    /** {@code SAMOKODER_STORAGE_HOT_CONFLICT_ATTEMPTS} and the backoff's defaults: an item many write at once. */
    public static RetryPolicy hotItemDefaults() {
        return defaults().withAttempts(50);
    }

    public RetryPolicy withAttempts(int newAttempts) {
        return new RetryPolicy(newAttempts, backoffBase, backoffMax);
    }
}
