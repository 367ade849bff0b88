package dev.samokoder.core.queue;

import java.time.Duration;

/**
 * How long a failed queue message waits before its next try: {@code base × 2^(tries − 1)}, at most
 * {@link #MAX}. Applied as the message's visibility timeout, so the queue itself holds the wait.
 */
public record RetryBackoff(Duration base) {

    /** The longest wait between two tries. */
    public static final Duration MAX = Duration.ofMinutes(15);

    /** @param tries how many times the message was received so far (1 after the first try) */
    public Duration after(int tries) {
        if (base.isZero()) {
            return Duration.ZERO;
        }
        int doublings = Math.clamp(tries - 1L, 0, 20);
        Duration delay = base.multipliedBy(1L << doublings);
        return delay.compareTo(MAX) > 0 ? MAX : delay;
    }
}
