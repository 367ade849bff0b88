package dev.samokoder.workflow.loop;

import java.util.List;

/**
 * An agent's model kept answering with something its schema refuses, after every allowed re-ask.
 * Nothing of the answer was stored. The state machine matches this name and fails the run.
 */
public final class AgentOutputInvalidException extends RuntimeException {

    private final String agent;
    private final int attempts;
    private final List<String> errors;

    public AgentOutputInvalidException(String agent, int attempts, List<String> errors) {
        super(agent + " gave no valid answer in " + attempts + " attempt(s); last errors: " + String.join("; ", errors));
        this.agent = agent;
        this.attempts = attempts;
        this.errors = List.copyOf(errors);
    }

    public String agent() {
        return agent;
    }

    public int attempts() {
        return attempts;
    }

    public List<String> errors() {
        return errors;
    }
}
