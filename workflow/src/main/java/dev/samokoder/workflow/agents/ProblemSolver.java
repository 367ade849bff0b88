package dev.samokoder.workflow.agents;

import dev.samokoder.core.models.AgentNames;
import dev.samokoder.services.runs.artifacts.FixIteration;
import java.util.Optional;

/** Called once per task when the same failure came back after a fix: steps back and plans a different approach. */
public final class ProblemSolver {

    public static final String AGENT = AgentNames.PROBLEM_SOLVER;
    private static final FixPlanner.Role ROLE = new FixPlanner.Role(AGENT,
            "the task failed the same way again after a fix. Step back: the approach itself is likely wrong. Work out why the earlier fixes did not work, and plan a different approach.", FixIteration.Kind.RETHINK);

    private final FixPlanner planner;

    public ProblemSolver(AgentContext context) {
        this.planner = new FixPlanner(context);
    }

    /**
     * @param failure the failed execution of the current task, as the sandbox reported it
     * @return the stored fix iteration, or empty when the failure repeated the last one (the task stays FAILED)
     */
    public Optional<FixIteration> run(String runId, ExecOutcome failure) {
        return planner.plan(runId, ROLE, failure).iteration();
    }
}
