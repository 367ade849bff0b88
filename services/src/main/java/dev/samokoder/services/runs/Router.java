package dev.samokoder.services.runs;

import dev.samokoder.core.config.WorkflowLimits;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.services.runs.RunProgress.FailureKind;
import dev.samokoder.services.runs.RunProgress.TaskProgress;

/**
 * Decides the next step of a run the way a careful team would: spec → (questions) → architecture
 * → plan → for each task: steps → code → run → fix loop → next task → docs → done. Pure: the same
 * progress always gives the same decision, and every loop ends within {@link WorkflowLimits}.
 */
public final class Router {

    private final WorkflowLimits limits;

    public Router(WorkflowLimits limits) {
        this.limits = limits;
    }

    public RouteDecision next(RunProgress run) {
        if (run.cancelRequested()) {
            return new RouteDecision(Step.FAIL, "cancelled by the user");
        }
        if (!run.specDone()) {
            return new RouteDecision(Step.SPEC_WRITER, "write the spec from the description");
        }
        if (run.openQuestions() > 0) {
            if (run.mode() == AutonomyMode.INTERACTIVE) {
                return new RouteDecision(Step.ASK_USER, run.openQuestions() + " question(s) wait for the user");
            }
            throw new IllegalStateException("an autonomous run has open questions: SpecWriter must record assumptions instead");
        }
        if (!run.architectureDone()) {
            return new RouteDecision(Step.ARCHITECT, "choose the stack and dependencies");
        }
        if (!run.planDone()) {
            return new RouteDecision(Step.TECH_LEAD, "split the spec into epics and tasks");
        }
        if (run.currentTask() < run.taskCount()) {
            return nextForTask(run.currentTask(), run.taskCount(), run.task());
        }
        if (!run.docsDone()) {
            return new RouteDecision(Step.TECHNICAL_WRITER, "every task passed: write the README");
        }
        return new RouteDecision(Step.FINALIZE, "export the app and close the run");
    }

    private RouteDecision nextForTask(int index, int count, TaskProgress task) {
        String which = "task " + (index + 1) + " of " + count;
        return switch (task.phase()) {
            case NEW -> new RouteDecision(Step.DEVELOPER, which + ": plan its steps");
            case STEPS_PLANNED -> task.pendingFiles() > 0
                    ? new RouteDecision(Step.CODE_MONKEY, which + ": write " + task.pendingFiles() + " file(s)")
                    : new RouteDecision(Step.EXECUTOR, which + ": run its commands and tests");
            case CODE_WRITTEN -> new RouteDecision(Step.EXECUTOR, which + ": run its commands and tests");
            case TESTED -> new RouteDecision(Step.EXECUTOR, which + ": its tests passed; build, start and probe the app");
            case PASSED -> new RouteDecision(Step.COMPLETE_TASK, which + " passed");
            case FAILED -> afterFailure(which, task);
        };
    }

    private RouteDecision afterFailure(String which, TaskProgress task) {
        if (task.failureRepeated()) {
            if (!task.problemSolverUsed()) {
                return new RouteDecision(Step.PROBLEM_SOLVER, which + ": the same failure came back; rethink the approach");
            }
            return new RouteDecision(Step.FAIL, which + " failed the same way after ProblemSolver; stopping the task");
        }
        if (task.fixIterations() >= limits.maxFixIterations()) {
            return new RouteDecision(Step.FAIL, which + " still fails after " + task.fixIterations() + " fix iteration(s), the limit");
        }
        return task.lastFailure() == FailureKind.COMMAND
                ? new RouteDecision(Step.TROUBLESHOOTER, which + ": a command failed; fix iteration " + (task.fixIterations() + 1))
                : new RouteDecision(Step.BUG_HUNTER, which + ": tests failed; fix iteration " + (task.fixIterations() + 1));
    }
}
