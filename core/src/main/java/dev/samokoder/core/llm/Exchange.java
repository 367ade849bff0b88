package dev.samokoder.core.llm;

import java.util.Objects;

/**
 * Which exchange of a run a call is: the agent's step (for example {@code task 1 · src/server.js})
 * and the round of that step's tool loop, from 1. Together with the agent it names the call the
 * same way every time the run is replayed, whatever order parallel steps run in; a recording keeps
 * it beside each answer, and the replay model answers by it.
 */
public record Exchange(String step, int round) {

    public static final int MAX_STEP_LENGTH = 300;

    public Exchange {
        Objects.requireNonNull(step, "step");
        if (step.isBlank() || step.length() > MAX_STEP_LENGTH) {
            throw new IllegalArgumentException("an exchange's step is non-blank and at most " + MAX_STEP_LENGTH + " characters");
        }
        if (round < 1) {
            throw new IllegalArgumentException("rounds count from 1, got " + round);
        }
    }

    @Override
    public String toString() {
        return step + " · round " + round;
    }
}
