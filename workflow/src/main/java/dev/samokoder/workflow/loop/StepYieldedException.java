package dev.samokoder.workflow.loop;

/**
 * The step's time in this invocation ran out before it finished: its place is saved (after the
 * last whole round) and it continues where it stopped when the workflow runs it again. Not a
 * failure: the step's handler catches it and returns, and Route sends the run back to the same step.
 */
public final class StepYieldedException extends RuntimeException {

    private final String agent;
    private final int rounds;

    public StepYieldedException(String agent, String step, int rounds) {
        super(agent + " yielded " + step + " after " + rounds + " round(s): no time for another model call in this invocation", null, false, false);
        this.agent = agent;
        this.rounds = rounds;
    }

    public String agent() {
        return agent;
    }

    public int rounds() {
        return rounds;
    }
}
