package dev.samokoder.services.runs;

import dev.samokoder.core.domain.AutonomyMode;

/**
 * Everything {@link Router} needs to decide, read from one run item: fixed in size whatever the
 * number of files or tasks (the old system re-read a 150 KB blob per step).
 *
 * <p>The one state model of a run: every change is a named transition below, each returning a copy
 * with the fields it names changed and every other field kept, so no caller builds the record by position.
 *
 * @param openQuestions questions asked and not yet answered
 * @param taskCount tasks in the plan (0 until the plan exists)
 * @param currentTask index of the task being worked on; {@code taskCount} when all are done
 */
public record RunProgress(AutonomyMode mode, boolean specDone, int openQuestions, boolean architectureDone,
                          boolean planDone, int taskCount, int currentTask, TaskProgress task, boolean docsDone,
                          boolean cancelRequested) {

    /** A new run: nothing done yet. */
    public static RunProgress start(AutonomyMode mode) {
        return new RunProgress(mode, false, 0, false, false, 0, 0, TaskProgress.fresh(), false, false);
    }

    /** SpecWriter wrote the spec, asking {@code openQuestions} questions (0 when it assumed instead). */
    public RunProgress specWritten(int openQuestions) {
        return new RunProgress(mode, true, openQuestions, architectureDone, planDone, taskCount, currentTask, task, docsDone,
                cancelRequested);
    }

    /** The user answered the last open question: SpecWriter writes the spec again with the answers. */
    public RunProgress questionsAnswered() {
        return new RunProgress(mode, false, 0, architectureDone, planDone, taskCount, currentTask, task, docsDone, cancelRequested);
    }

    /** The Architect chose the stack. */
    public RunProgress architectureChosen() {
        return new RunProgress(mode, specDone, openQuestions, true, planDone, taskCount, currentTask, task, docsDone, cancelRequested);
    }

    /** The TechLead planned {@code taskCount} tasks: the first one starts fresh. */
    public RunProgress planned(int taskCount) {
        return new RunProgress(mode, specDone, openQuestions, architectureDone, true, taskCount, 0, TaskProgress.fresh(), docsDone,
                cancelRequested);
    }

    /** The current task passed and is complete: the next one starts fresh. */
    public RunProgress taskCompleted() {
        return new RunProgress(mode, specDone, openQuestions, architectureDone, planDone, taskCount, currentTask + 1,
                TaskProgress.fresh(), docsDone, cancelRequested);
    }

    /** The current task moved on (see the transitions of {@link TaskProgress}). */
    public RunProgress withTask(TaskProgress task) {
        return new RunProgress(mode, specDone, openQuestions, architectureDone, planDone, taskCount, currentTask, task, docsDone,
                cancelRequested);
    }

    /** The TechnicalWriter wrote the docs. */
    public RunProgress documented() {
        return new RunProgress(mode, specDone, openQuestions, architectureDone, planDone, taskCount, currentTask, task, true,
                cancelRequested);
    }

    /** The same progress with the user's request to cancel recorded. */
    public RunProgress withCancelRequested() {
        return new RunProgress(mode, specDone, openQuestions, architectureDone, planDone, taskCount, currentTask, task, docsDone, true);
    }

    /** A failed run goes on, its current task as given; a cancel asked before the failure no longer holds. */
    public RunProgress resumedAfterFailure(TaskProgress task) {
        return new RunProgress(mode, specDone, openQuestions, architectureDone, planDone, taskCount, currentTask, task, docsDone,
                false);
    }

    /** Where the current task stands. */
    public record TaskProgress(TaskPhase phase, int pendingFiles, int fixIterations, FailureKind lastFailure,
                               boolean failureRepeated, boolean problemSolverUsed) {

        public static TaskProgress fresh() {
            return new TaskProgress(TaskPhase.NEW, 0, 0, FailureKind.NONE, false, false);
        }

        /** The Developer planned the task's steps, {@code pendingFiles} of them files to write. */
        public TaskProgress stepsPlanned(int pendingFiles) {
            return new TaskProgress(TaskPhase.STEPS_PLANNED, pendingFiles, fixIterations, lastFailure, failureRepeated,
                    problemSolverUsed);
        }

        /** A CodeMonkey wrote a file and {@code stillPending} remain: the code is written when none do. */
        public TaskProgress fileWritten(int stillPending) {
            return new TaskProgress(stillPending == 0 ? TaskPhase.CODE_WRITTEN : TaskPhase.STEPS_PLANNED, stillPending, fixIterations,
                    lastFailure, failureRepeated, problemSolverUsed);
        }

        /**
         * An execution was judged: the task {@code outcome} is PASSED, TESTED (the app is probed next) or FAILED, and
         * {@code failure} says why. Nothing is pending, and the failure is not (yet) known to repeat an earlier one.
         */
        public TaskProgress executed(TaskPhase outcome, FailureKind failure) {
            return new TaskProgress(outcome, 0, fixIterations, failure, false, problemSolverUsed);
        }

        /** BugHunter or Troubleshooter planned a fix of {@code pendingFiles} files: one more fix iteration. */
        public TaskProgress fixPlanned(int pendingFiles) {
            return new TaskProgress(TaskPhase.STEPS_PLANNED, pendingFiles, fixIterations + 1, lastFailure, false, problemSolverUsed);
        }

        /**
         * ProblemSolver rethought the task and planned {@code pendingFiles} files: it has its own bound (once per
         * task), so it does not use up a fix iteration.
         */
        public TaskProgress rethought(int pendingFiles) {
            return new TaskProgress(TaskPhase.STEPS_PLANNED, pendingFiles, fixIterations, lastFailure, false, true);
        }

        /** The failure came back as an earlier fix iteration found it: the task stays FAILED, marked repeated. */
        public TaskProgress failedAgain() {
            return new TaskProgress(TaskPhase.FAILED, 0, fixIterations, lastFailure, true, problemSolverUsed);
        }

        /**
         * A failed task continues after a resume with a fresh fix budget: still FAILED the same way, no iterations
         * used, no repeat, ProblemSolver available again.
         */
        public TaskProgress freshFixBudget() {
            return new TaskProgress(TaskPhase.FAILED, 0, 0, lastFailure, false, false);
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
