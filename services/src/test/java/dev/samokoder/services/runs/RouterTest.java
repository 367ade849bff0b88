package dev.samokoder.services.runs;

import dev.samokoder.core.config.WorkflowLimits;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.services.runs.RunProgress.TaskProgress;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.samokoder.services.runs.RunProgress.FailureKind.COMMAND;
import static dev.samokoder.services.runs.RunProgress.FailureKind.NONE;
import static dev.samokoder.services.runs.RunProgress.FailureKind.TESTS;
import static dev.samokoder.services.runs.RunProgress.TaskPhase.CODE_WRITTEN;
import static dev.samokoder.services.runs.RunProgress.TaskPhase.FAILED;
import static dev.samokoder.services.runs.RunProgress.TaskPhase.NEW;
import static dev.samokoder.services.runs.RunProgress.TaskPhase.PASSED;
import static dev.samokoder.services.runs.RunProgress.TaskPhase.STEPS_PLANNED;
import static dev.samokoder.services.runs.RunProgress.TaskPhase.TESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterTest {

    private static final Router ROUTER = new Router(new WorkflowLimits(5, 3, 3, 2, 4, 600));

    private static RunProgress run(boolean spec, int questions, boolean architecture, boolean plan, int tasks, int current,
                                   TaskProgress task, boolean docs) {
        return new RunProgress(AutonomyMode.INTERACTIVE, spec, questions, architecture, plan, tasks, current, task, docs, false);
    }

    private static TaskProgress task(RunProgress.TaskPhase phase, int pending, int fixes, RunProgress.FailureKind failure,
                                     boolean repeated, boolean solverUsed) {
        return new TaskProgress(phase, pending, fixes, failure, repeated, solverUsed);
    }

    static Stream<Arguments> decisions() {
        TaskProgress fresh = TaskProgress.fresh();
        return Stream.of(
                Arguments.of("nothing yet", run(false, 0, false, false, 0, 0, fresh, false), Step.SPEC_WRITER),
                Arguments.of("questions open", run(true, 2, false, false, 0, 0, fresh, false), Step.ASK_USER),
                Arguments.of("spec done", run(true, 0, false, false, 0, 0, fresh, false), Step.ARCHITECT),
                Arguments.of("architecture done", run(true, 0, true, false, 0, 0, fresh, false), Step.TECH_LEAD),
                Arguments.of("new task", run(true, 0, true, true, 3, 0, fresh, false), Step.DEVELOPER),
                Arguments.of("files pending", run(true, 0, true, true, 3, 0, task(STEPS_PLANNED, 4, 0, NONE, false, false), false), Step.CODE_MONKEY),
                Arguments.of("only commands planned", run(true, 0, true, true, 3, 0, task(STEPS_PLANNED, 0, 0, NONE, false, false), false), Step.EXECUTOR),
                Arguments.of("code written", run(true, 0, true, true, 3, 1, task(CODE_WRITTEN, 0, 0, NONE, false, false), false), Step.EXECUTOR),
                Arguments.of("last task tested: build, start, probe", run(true, 0, true, true, 3, 2, task(TESTED, 0, 0, NONE, false, false), false), Step.EXECUTOR),
                Arguments.of("task passed", run(true, 0, true, true, 3, 1, task(PASSED, 0, 1, NONE, false, false), false), Step.COMPLETE_TASK),
                Arguments.of("tests failed", run(true, 0, true, true, 3, 1, task(FAILED, 0, 0, TESTS, false, false), false), Step.BUG_HUNTER),
                Arguments.of("command failed", run(true, 0, true, true, 3, 1, task(FAILED, 0, 1, COMMAND, false, false), false), Step.TROUBLESHOOTER),
                Arguments.of("same failure again", run(true, 0, true, true, 3, 1, task(FAILED, 0, 2, TESTS, true, false), false), Step.PROBLEM_SOLVER),
                Arguments.of("same failure after ProblemSolver", run(true, 0, true, true, 3, 1, task(FAILED, 0, 2, TESTS, true, true), false), Step.FAIL),
                Arguments.of("fix limit reached", run(true, 0, true, true, 3, 1, task(FAILED, 0, 3, TESTS, false, false), false), Step.FAIL),
                Arguments.of("all tasks done", run(true, 0, true, true, 3, 3, fresh, false), Step.TECHNICAL_WRITER),
                Arguments.of("plan with no tasks", run(true, 0, true, true, 0, 0, fresh, false), Step.TECHNICAL_WRITER),
                Arguments.of("docs written", run(true, 0, true, true, 3, 3, fresh, true), Step.FINALIZE));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("decisions")
    void decidesTheNextStepFromProgressAlone(String situation, RunProgress progress, Step expected) {
        RouteDecision decision = ROUTER.next(progress);

        assertThat(decision.next()).isEqualTo(expected);
        assertThat(decision.reason()).isNotBlank();
    }

    @Test
    void aCancelledRunStopsWhateverItWasDoing() {
        RunProgress cancelled = new RunProgress(AutonomyMode.AUTONOMOUS, true, 0, true, true, 3, 1,
                task(STEPS_PLANNED, 2, 0, NONE, false, false), false, true);

        assertThat(ROUTER.next(cancelled).next()).isEqualTo(Step.FAIL);
    }

    @Test
    void anAutonomousRunNeverWaitsForAnswers() {
        RunProgress invalid = new RunProgress(AutonomyMode.AUTONOMOUS, true, 1, false, false, 0, 0, TaskProgress.fresh(), false, false);

        assertThatThrownBy(() -> ROUTER.next(invalid)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTaskThatNeverPassesEndsWithinTheFixBound() {
        // given: a model that never fixes the bug, each round a different failure
        WorkflowLimits limits = new WorkflowLimits(5, 4, 3, 2, 4, 600);
        Router router = new Router(limits);
        int fixes = 0;
        int steps = 0;

        // when: the run follows the router until the task fails
        Step next;
        do {
            RunProgress progress = run(true, 0, true, true, 1, 0, task(FAILED, 0, fixes, TESTS, false, false), false);
            next = router.next(progress).next();
            if (next == Step.BUG_HUNTER) {
                fixes++;
            }
            steps++;
        } while (next != Step.FAIL && steps < 100);

        // then
        assertThat(next).isEqualTo(Step.FAIL);
        assertThat(fixes).isEqualTo(limits.maxFixIterations());
    }
}
