package dev.samokoder.core.models;

import java.util.List;

/**
 * The agents that call a model, by the name their calls are recorded and budgeted under: the
 * names a per-agent model choice (the configuration's or a project's) may use. Each agent takes
 * its name from here, so the API can check a choice without carrying the agents.
 */
public final class AgentNames {

    public static final String SPEC_WRITER = "SpecWriter";
    public static final String ARCHITECT = "Architect";
    public static final String TECH_LEAD = "TechLead";
    public static final String DEVELOPER = "Developer";
    public static final String CODE_MONKEY = "CodeMonkey";
    /** The CodeMonkey's second call, which reviews its own change. */
    public static final String CODE_MONKEY_REVIEW = "CodeMonkeyReview";
    public static final String BUG_HUNTER = "BugHunter";
    public static final String TROUBLESHOOTER = "Troubleshooter";
    public static final String PROBLEM_SOLVER = "ProblemSolver";
    public static final String TECHNICAL_WRITER = "TechnicalWriter";

    public static final List<String> MODEL_CALLERS = List.of(SPEC_WRITER, ARCHITECT, TECH_LEAD, DEVELOPER,
            CODE_MONKEY, CODE_MONKEY_REVIEW, BUG_HUNTER, TROUBLESHOOTER, PROBLEM_SOLVER, TECHNICAL_WRITER);

    private AgentNames() {
    }
}
