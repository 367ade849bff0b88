package dev.samokoder.workflow.loop;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the invocation running a step must stop: the Lambda's end on AWS, the configured time
 * slice locally. A step asks before each model call whether one more fits; when it does not, the
 * step saves its place and yields, and the state machine runs it again.
 */
public interface Deadline {

    /** True while there is time for one more model call (the longest a call may take, and a margin). */
    boolean allowsAnotherCall();

    /** A deadline that never comes (tests, tools). */
    static Deadline none() {
        return () -> true;
    }

    /**
     * @param remaining time left in this invocation
     * @param perCall   the longest one model call may take, with its margin; at most half of {@code remaining}
     *                  is kept back, so a short slice still makes progress
     */
    static Deadline after(Clock clock, Duration remaining, Duration perCall) {
        Instant end = clock.instant().plus(remaining);
        Duration reserve = perCall.compareTo(remaining.dividedBy(2)) > 0 ? remaining.dividedBy(2) : perCall;
        Instant lastStart = end.minus(reserve);
        return () -> clock.instant().isBefore(lastStart);
    }
}
