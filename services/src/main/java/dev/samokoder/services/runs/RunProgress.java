package dev.samokoder.services.runs;

import dev.samokoder.core.domain.AutonomyMode;

/**
 * Everything {@link Router} needs to decide, read from one run item: fixed in size whatever the
 * number of files or tasks (the old system re-read a 150 KB blob per step).
 *
 * @param openQuestions questions asked and not yet answered
 * @param taskCount tasks in the plan (0 until the plan exists)
 * @param currentTask index of the task being worked on; {@code taskCount} when all are done
 */
public record RunProgress(AutonomyMode mode, boolean specDone, int openQuestions, boolean architectureDone,
                          boolean planDone, int taskCount, int currentTask, TaskProgress task, boolean docsDone,
                          boolean cancelRequested) {

    /** The same progress with the user's request to cancel recorded. */
    public RunProgress withCancelRequested() {
        return new RunProgress(mode, specDone, openQuestions, architectureDone, planDone, taskCount, currentTask, task, docsDone, true);
    }

    /** Where the current task stands. */
    public record TaskProgress(TaskPhase phase, int pendingFiles, int fixIterations, FailureKind lastFailure,
                               boolean failureRepeated, boolean problemSolverUsed) {

        public static TaskProgress fresh() {
            return new TaskProgress(TaskPhase.NEW, 0, 0, FailureKind.NONE, false, false);
        }
    }

    public enum TaskPhase {
        /** No steps yet. */
        NEW,
        /** The Developer planned steps; files may be pending. */
        STEPS_PLANNED,
        /** Every pending file is written; the task's commands have not run. */
        CODE_WRITTEN,
        /**
         * The plan's last task passed its tests, and the app is still to be built, started and probed: that is an
         * execution of its own (see Executions), whose failure is the task's.
         */
        TESTED,
        PASSED,
        FAILED
    }

    /** Why the last execution failed: tests failed, or a command did (install, build, start). */
    public enum FailureKind {
        NONE,
        TESTS,
        COMMAND
    }
}
