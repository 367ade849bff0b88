package dev.samokoder.workflow.agents;

import dev.samokoder.core.models.AgentNames;
import dev.samokoder.services.runs.artifacts.FixIteration;
import java.util.Optional;

/** Finds why one of the task's commands (install, build, start) failed and plans a fix iteration. */
public final class Troubleshooter {

    public static final String AGENT = AgentNames.TROUBLESHOOTER;
    private static final FixPlanner.Role ROLE = new FixPlanner.Role(AGENT,
            "one of the task's commands (install, build, test or start) failed. Find the cause from the output and the code, and plan the smallest fix.", FixIteration.Kind.COMMAND);

    private final FixPlanner planner;

    public Troubleshooter(AgentContext context) {
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
