package dev.samokoder.workflow.agents;

import dev.samokoder.core.models.AgentNames;
import dev.samokoder.services.runs.artifacts.FixIteration;
import java.util.Optional;

/** Finds why the task's tests failed and plans a fix iteration. */
public final class BugHunter {

    public static final String AGENT = AgentNames.BUG_HUNTER;
    private static final FixPlanner.Role ROLE = new FixPlanner.Role(AGENT,
            "the task's tests failed. Find the bug from the output and the code, and plan the smallest fix.", FixIteration.Kind.TESTS);

    private final FixPlanner planner;

    public BugHunter(AgentContext context) {
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
