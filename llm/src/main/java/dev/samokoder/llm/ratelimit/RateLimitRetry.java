package dev.samokoder.llm.ratelimit;

import dev.samokoder.core.llm.RateLimitedException;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Tries a call again after a rate limit, waiting what the provider asked (or, with no hint, a
 * doubling backoff from {@link #FIRST_BACKOFF}), as long as the waits add up to no more than
 * the bound. When the next wait would pass the bound, the rate limit is the caller's.
 */
public final class RateLimitRetry {

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    /** A zero hint is still a rate limit: never retry in a tight loop. */
    static final Duration MIN_WAIT = Duration.ofMillis(100);

    private final Duration maxTotalWait;
    private final Sleeper sleeper;

    public RateLimitRetry(Duration maxTotalWait, Sleeper sleeper) {
        this.maxTotalWait = maxTotalWait;
        this.sleeper = sleeper;
    }

    /** Told before each wait: the attempt that follows it (2 for the first retry), the wait, and the refusal. */
    public interface Retrying {
        void retrying(int attempt, Duration wait, RateLimitedException cause);
    }

    public <T> T call(Supplier<T> attempt) {
        return call(attempt, (n, wait, cause) -> { });
    }

    public <T> T call(Supplier<T> attempt, Retrying retrying) {
        Duration waited = Duration.ZERO;
        Duration backoff = FIRST_BACKOFF;
        for (int number = 2; ; number++) {
            try {
                return attempt.get();
            } catch (RateLimitedException limited) {
                Duration wait = limited.retryAfter().orElse(backoff);
                if (wait.compareTo(MIN_WAIT) < 0) {
                    wait = MIN_WAIT;
                }
                if (waited.plus(wait).compareTo(maxTotalWait) > 0) {
                    throw limited;
                }
                retrying.retrying(number, wait, limited);
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw limited;
                }
                waited = waited.plus(wait);
                backoff = backoff.multipliedBy(2);
            }
        }
    }
}
