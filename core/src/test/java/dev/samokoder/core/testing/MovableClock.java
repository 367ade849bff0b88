package dev.samokoder.core.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock that a test moves forward, to pass a time limit or an expiry without waiting for it. */
public final class MovableClock extends Clock {

    private final Clock base;
    private volatile Duration moved = Duration.ZERO;

    public MovableClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    /** Starts at the current time. */
    public MovableClock() {
        this(Instant.now());
    }

    private MovableClock(Clock base) {
        this.base = base;
    }

    /**
     * Runs with the system clock, plus whatever the test moved it forward by: for a whole platform, whose other
     * parts expect time to pass, where one test skips ahead instead of sleeping.
     */
    public static MovableClock running() {
        return new MovableClock(Clock.systemUTC());
    }

    public synchronized void advance(Duration duration) {
        moved = moved.plus(duration);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(moved);
    }
}
