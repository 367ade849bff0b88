package dev.samokoder.services.runs.artifacts;

/**
 * One round of the fix loop of a task: what failed, what the agent thinks caused it, and its plan.
 *
 * @param failureHash the signature of the failure it addressed ({@code ExecOutcome.failureHash})
 * @param execution   the number of the failed execution it addressed (0 when not known: an item
 *                    stored before iterations recorded it)
 */
public record FixIteration(int task, int number, Kind kind, String diagnosis, String plan, String failureHash, int execution) {

    public enum Kind {
        /** Tests failed (BugHunter). */
        TESTS,
        /** A command failed (Troubleshooter). */
        COMMAND,
        /** The same failure came back (ProblemSolver rethinks the approach). */
        RETHINK
    }
}
