package dev.samokoder.workflow.agents;

/**
 * The Developer kept proposing commands the policy refuses, for every round it was allowed; the
 * refused commands are stored as failed steps. The state machine matches this name and fails the run.
 */
public final class CommandRefusedException extends RuntimeException {

    public CommandRefusedException(int task, int rounds, String lastReason) {
        super("task " + task + ": the Developer proposed refused commands in all " + rounds + " round(s); last: " + lastReason);
    }
}
