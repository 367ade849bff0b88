package dev.samokoder.services.apikeys;

import java.time.Duration;

/** The key has made its monthly quota of requests; it works again when the next month (UTC) begins. */
public final class ApiKeyQuotaExceededException extends RuntimeException {

    private final long quota;
    private final Duration retryAfter;

    public ApiKeyQuotaExceededException(long quota, Duration retryAfter) {
        super("this API key has made its " + quota + " requests of the month");
        this.quota = quota;
        this.retryAfter = retryAfter;
    }

    public long quota() {
        return quota;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
