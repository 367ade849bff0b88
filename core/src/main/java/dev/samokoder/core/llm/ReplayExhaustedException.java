package dev.samokoder.core.llm;

import java.util.List;

/** The replay transcript has no recorded answer for this agent's exchange. */
public final class ReplayExhaustedException extends LlmException {

    private static final int MAX_STEPS_NAMED = 5;

    public ReplayExhaustedException(String agent, Exchange exchange, List<String> recordedSteps) {
        super("the replay transcript has no answer for " + agent + " at " + exchange
                + (recordedSteps.isEmpty() ? " (nothing recorded for " + agent + ")"
                        : " (" + agent + "'s recorded steps: " + String.join("; ", recordedSteps.stream().limit(MAX_STEPS_NAMED).toList())
                                + (recordedSteps.size() > MAX_STEPS_NAMED ? "; …" : "") + ")"));
    }

    @Override
    public String code() {
        return "replay_exhausted";
    }
}
