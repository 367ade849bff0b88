package dev.samokoder.local.sfn.engine;

import dev.samokoder.local.sfn.asl.Retrier;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** IntervalSeconds x BackoffRate^n, capped by MaxDelaySeconds, then with FULL jitter a uniform draw below that. */
final class RetryDelay {

    private RetryDelay() {
    }

    static Duration before(Retrier retrier, int retriesSoFar) {
        double seconds = retrier.intervalSeconds() * Math.pow(retrier.backoffRate(), retriesSoFar);
        if (retrier.maxDelaySeconds() != null) {
            seconds = Math.min(seconds, retrier.maxDelaySeconds());
        }
        if (retrier.jitterStrategy() == Retrier.JitterStrategy.FULL) {
            seconds = ThreadLocalRandom.current().nextDouble() * seconds;
        }
        return Duration.ofMillis((long) (seconds * 1000));
    }
}
