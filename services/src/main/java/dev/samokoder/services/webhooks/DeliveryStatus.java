package dev.samokoder.services.webhooks;

import java.util.Locale;

/** Where an accepted webhook delivery stands. */
public enum DeliveryStatus {
    /** In the queue; the consumer has not finished with it. */
    QUEUED,
    /** The run started ({@code runId} says which). */
    STARTED,
    /** Starting failed in a way that may pass (an active run, an outage); it will be tried again. */
    RETRYING,
    /** Will never start (the project or the trigger is gone); not retried. */
    REJECTED,
    /** Failed on its last try: the message is in the dead-letter queue. */
    DEAD_LETTERED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean finished() {
        return this == STARTED || this == REJECTED || this == DEAD_LETTERED;
    }
}
