package dev.samokoder.local.sfn.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * What a resumed execution needs to continue where it stopped. Each record is keyed by the position of a
 * state in the run ({@code <frame>#<step>}), which a deterministic replay of the definition reproduces.
 */
public sealed interface Checkpoint {

    String key();

    /** A state finished; {@code next} is null when it ended its branch or the execution. */
    record StateCompleted(String key, String state, JsonNode output, String next) implements Checkpoint {
    }

    /** A .waitForTaskToken task was dispatched with this token and is waiting for a callback. */
    record TaskTokenIssued(String key, String token, Instant issuedAt) implements Checkpoint {
    }

    /**
     * SendTaskSuccess ({@code succeeded}, with {@code output}) or SendTaskFailure ({@code error}, {@code cause})
     * answered this token. Written before the call is acknowledged, so an answer is never lost to a crash.
     */
    record TaskTokenAnswered(String key, String token, boolean succeeded, JsonNode output, String error, String cause)
            implements Checkpoint {
    }

    /** A Wait state started and will end at {@code until}. */
    record WaitStarted(String key, Instant until) implements Checkpoint {
    }
}
