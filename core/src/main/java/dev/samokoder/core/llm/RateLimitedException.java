package dev.samokoder.core.llm;

import dev.samokoder.core.models.Provider;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The provider said "too many requests" (429). Adapters raise it with the provider's retry-after
 * hint; the gateway waits and tries again within a bounded total wait, and lets it out only when
 * that wait is used up.
 */
public final class RateLimitedException extends ProviderException {

    private final Optional<Duration> retryAfter;

    public RateLimitedException(Provider provider, OptionalInt status, Optional<Duration> retryAfter, String detail, Throwable cause) {
        super(provider, status, "is rate limiting"
                + retryAfter.map(d -> " (retry after " + d.toMillis() + " ms)").orElse(""), detail, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked us to wait, if it said. */
    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    @Override
    public String code() {
        return "rate_limited";
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
