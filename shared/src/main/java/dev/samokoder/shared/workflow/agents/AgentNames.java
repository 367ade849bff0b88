package dev.samokoder.shared.workflow.agents;

import java.util.List;

/**
 * The agents that call a model, by the name their calls are recorded and budgeted under: the
 * names a per-agent model choice (the configuration's or a project's) may use.
 */
public final class AgentNames {

    public static final List<String> MODEL_CALLERS = List.of(SpecWriter.AGENT, Architect.AGENT, TechLead.AGENT,
            Developer.AGENT, CodeMonkey.AGENT, CodeMonkey.REVIEW_AGENT, BugHunter.AGENT, Troubleshooter.AGENT,
            ProblemSolver.AGENT, TechnicalWriter.AGENT);

    private AgentNames() {
    }
}
