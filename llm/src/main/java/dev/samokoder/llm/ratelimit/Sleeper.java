package dev.samokoder.llm.ratelimit;

import java.time.Duration;

/** Waits; tests pass one that only records, so rate-limit handling is checked without sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return duration -> Thread.sleep(duration);
    }
}
