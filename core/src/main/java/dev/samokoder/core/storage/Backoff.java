package dev.samokoder.core.storage;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The pause before retrying the items DynamoDB left unprocessed in a batch (it does so when
 * throttled): exponential with full jitter, as AWS recommends, so retries do not arrive in step.
 */
public final class Backoff {

    private static final long BASE_MILLIS = 25;
    private static final long MAX_MILLIS = 1_000;

    private Backoff() {
    }

    public static void beforeRetry(int round) {
        if (round == 0) {
            return;
        }
        long ceiling = Math.min(MAX_MILLIS, BASE_MILLIS << Math.min(round, 10));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a DynamoDB batch", e);
        }
    }
}
