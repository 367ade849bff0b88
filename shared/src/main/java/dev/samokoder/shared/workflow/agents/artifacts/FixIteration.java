package dev.samokoder.shared.workflow.agents.artifacts;

/** One round of the fix loop of a task: what failed, what the agent thinks caused it, and its plan. */
public record FixIteration(int task, int number, Kind kind, String diagnosis, String plan, String failureHash) {

    public enum Kind {
        /** Tests failed (BugHunter). */
        TESTS,
        /** A command failed (Troubleshooter). */
        COMMAND,
        /** The same failure came back (ProblemSolver rethinks the approach). */
        RETHINK
    }
}
