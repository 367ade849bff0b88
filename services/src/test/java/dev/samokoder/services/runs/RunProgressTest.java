package dev.samokoder.services.runs;

import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.services.runs.RunProgress.TaskProgress;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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

/**
 * Each transition changes exactly the fields it names and keeps every other. Every transition runs from two
 * starting points, every flag set and every flag clear, with no field at its default otherwise, so a field the
 * transition drops or overwrites shows.
 */
class RunProgressTest {

    private static final TaskProgress TASK_FLAGS_SET = new TaskProgress(TESTED, 4, 2, COMMAND, true, true);
    private static final TaskProgress TASK_FLAGS_CLEAR = new TaskProgress(CODE_WRITTEN, 3, 1, TESTS, false, false);

    static Stream<RunProgress> runs() {
        return Stream.of(
                new RunProgress(AutonomyMode.INTERACTIVE, true, 2, true, true, 5, 3, TASK_FLAGS_SET, true, true),
                new RunProgress(AutonomyMode.AUTONOMOUS, false, 1, false, false, 4, 2, TASK_FLAGS_CLEAR, false, false));
    }

    static Stream<TaskProgress> tasks() {
        return Stream.of(TASK_FLAGS_SET, TASK_FLAGS_CLEAR);
    }

    @Test
    void start_shouldBeginWithNothingDone() {
        assertThat(RunProgress.start(AutonomyMode.AUTONOMOUS)).isEqualTo(
                new RunProgress(AutonomyMode.AUTONOMOUS, false, 0, false, false, 0, 0, TaskProgress.fresh(), false, false));
        assertThat(RunProgress.start(AutonomyMode.INTERACTIVE).mode()).isEqualTo(AutonomyMode.INTERACTIVE);
    }

    @ParameterizedTest
    @MethodSource("runs")
    void specWritten_shouldMarkTheSpecDoneWithItsQuestions(RunProgress p) {
        RunProgress after = p.specWritten(7);

        assertThat(after.specDone()).isTrue();
        assertThat(after.openQuestions()).isEqualTo(7);
        assertThat(changed(p, after)).isSubsetOf("specDone", "openQuestions");
    }

    @ParameterizedTest
    @MethodSource("runs")
    void questionsAnswered_shouldSendTheRunBackToTheSpec(RunProgress p) {
        RunProgress after = p.questionsAnswered();

        assertThat(after.specDone()).isFalse();
        assertThat(after.openQuestions()).isZero();
        assertThat(changed(p, after)).isSubsetOf("specDone", "openQuestions");
    }

    @ParameterizedTest
    @MethodSource("runs")
    void architectureChosen_shouldMarkOnlyTheArchitectureDone(RunProgress p) {
        RunProgress after = p.architectureChosen();

        assertThat(after.architectureDone()).isTrue();
        assertThat(changed(p, after)).isSubsetOf("architectureDone");
    }

    @ParameterizedTest
    @MethodSource("runs")
    void planned_shouldStartTheFirstTaskFresh(RunProgress p) {
        RunProgress after = p.planned(9);

        assertThat(after.planDone()).isTrue();
        assertThat(after.taskCount()).isEqualTo(9);
        assertThat(after.currentTask()).isZero();
        assertThat(after.task()).isEqualTo(TaskProgress.fresh());
        assertThat(changed(p, after)).isSubsetOf("planDone", "taskCount", "currentTask", "task");
    }

    @ParameterizedTest
    @MethodSource("runs")
    void taskCompleted_shouldStartTheNextTaskFresh(RunProgress p) {
        RunProgress after = p.taskCompleted();

        assertThat(after.currentTask()).isEqualTo(p.currentTask() + 1);
        assertThat(after.task()).isEqualTo(TaskProgress.fresh());
        assertThat(changed(p, after)).containsExactlyInAnyOrder("currentTask", "task");
    }

    @ParameterizedTest
    @MethodSource("runs")
    void withTask_shouldReplaceOnlyTheTask(RunProgress p) {
        TaskProgress other = new TaskProgress(PASSED, 6, 5, NONE, false, true);

        RunProgress after = p.withTask(other);

        assertThat(after.task()).isEqualTo(other);
        assertThat(changed(p, after)).containsExactly("task");
    }

    @ParameterizedTest
    @MethodSource("runs")
    void documented_shouldMarkOnlyTheDocsDone(RunProgress p) {
        RunProgress after = p.documented();

        assertThat(after.docsDone()).isTrue();
        assertThat(changed(p, after)).isSubsetOf("docsDone");
    }

    @ParameterizedTest
    @MethodSource("runs")
    void withCancelRequested_shouldRecordOnlyTheCancel(RunProgress p) {
        RunProgress after = p.withCancelRequested();

        assertThat(after.cancelRequested()).isTrue();
        assertThat(changed(p, after)).isSubsetOf("cancelRequested");
    }

    @ParameterizedTest
    @MethodSource("runs")
    void resumedAfterFailure_shouldTakeTheTaskAndDropTheCancel(RunProgress p) {
        TaskProgress other = new TaskProgress(PASSED, 6, 5, NONE, false, true);

        RunProgress after = p.resumedAfterFailure(other);

        assertThat(after.task()).isEqualTo(other);
        assertThat(after.cancelRequested()).isFalse();
        assertThat(changed(p, after)).isSubsetOf("task", "cancelRequested").contains("task");
    }

    @Test
    void fresh_shouldHaveNoStepsNoFixesAndNoFailure() {
        assertThat(TaskProgress.fresh()).isEqualTo(new TaskProgress(NEW, 0, 0, NONE, false, false));
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void stepsPlanned_shouldSetThePhaseAndPendingFiles(TaskProgress t) {
        TaskProgress after = t.stepsPlanned(8);

        assertThat(after.phase()).isEqualTo(STEPS_PLANNED);
        assertThat(after.pendingFiles()).isEqualTo(8);
        assertThat(changed(t, after)).containsExactlyInAnyOrder("phase", "pendingFiles");
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void fileWritten_shouldCountTheFilesStillPending(TaskProgress t) {
        TaskProgress after = t.fileWritten(2);

        assertThat(after.phase()).isEqualTo(STEPS_PLANNED);
        assertThat(after.pendingFiles()).isEqualTo(2);
        assertThat(changed(t, after)).containsExactlyInAnyOrder("phase", "pendingFiles");
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void fileWritten_shouldMarkTheCodeWrittenWhenNoneArePending(TaskProgress t) {
        TaskProgress after = t.stepsPlanned(1).fileWritten(0);

        assertThat(after.phase()).isEqualTo(CODE_WRITTEN);
        assertThat(after.pendingFiles()).isZero();
        assertThat(changed(t, after)).isSubsetOf("phase", "pendingFiles").contains("pendingFiles");
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void executed_shouldRecordTheOutcomeAndWhyItFailed(TaskProgress t) {
        TaskProgress after = t.executed(FAILED, COMMAND == t.lastFailure() ? TESTS : COMMAND);

        assertThat(after.phase()).isEqualTo(FAILED);
        assertThat(after.pendingFiles()).isZero();
        assertThat(after.lastFailure()).isNotEqualTo(t.lastFailure());
        assertThat(after.failureRepeated()).isFalse();
        assertThat(changed(t, after)).isSubsetOf("phase", "pendingFiles", "lastFailure", "failureRepeated")
                .contains("phase", "pendingFiles", "lastFailure");
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void executed_shouldPassOrGoOnToTheProbe(TaskProgress t) {
        assertThat(t.executed(PASSED, NONE)).isEqualTo(new TaskProgress(PASSED, 0, t.fixIterations(), NONE, false, t.problemSolverUsed()));
        assertThat(t.executed(TESTED, NONE)).isEqualTo(new TaskProgress(TESTED, 0, t.fixIterations(), NONE, false, t.problemSolverUsed()));
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void fixPlanned_shouldUseOneFixIteration(TaskProgress t) {
        TaskProgress after = t.fixPlanned(5);

        assertThat(after.phase()).isEqualTo(STEPS_PLANNED);
        assertThat(after.pendingFiles()).isEqualTo(5);
        assertThat(after.fixIterations()).isEqualTo(t.fixIterations() + 1);
        assertThat(after.failureRepeated()).isFalse();
        assertThat(changed(t, after)).isSubsetOf("phase", "pendingFiles", "fixIterations", "failureRepeated")
                .contains("phase", "pendingFiles", "fixIterations");
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void rethought_shouldUseProblemSolverAndNoFixIteration(TaskProgress t) {
        TaskProgress after = t.rethought(5);

        assertThat(after.phase()).isEqualTo(STEPS_PLANNED);
        assertThat(after.pendingFiles()).isEqualTo(5);
        assertThat(after.failureRepeated()).isFalse();
        assertThat(after.problemSolverUsed()).isTrue();
        assertThat(changed(t, after)).isSubsetOf("phase", "pendingFiles", "failureRepeated", "problemSolverUsed")
                .contains("phase", "pendingFiles");
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void failedAgain_shouldMarkTheFailureRepeated(TaskProgress t) {
        TaskProgress after = t.failedAgain();

        assertThat(after.phase()).isEqualTo(FAILED);
        assertThat(after.pendingFiles()).isZero();
        assertThat(after.failureRepeated()).isTrue();
        assertThat(changed(t, after)).isSubsetOf("phase", "pendingFiles", "failureRepeated").contains("phase", "pendingFiles");
    }

    @ParameterizedTest
    @MethodSource("tasks")
    void freshFixBudget_shouldKeepOnlyTheFailure(TaskProgress t) {
        TaskProgress after = t.freshFixBudget();

        assertThat(after).isEqualTo(new TaskProgress(FAILED, 0, 0, t.lastFailure(), false, false));
        assertThat(changed(t, after)).doesNotContain("lastFailure");
    }

    /** The names of the record components whose values differ. */
    private static List<String> changed(Record before, Record after) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : before.getClass().getRecordComponents()) {
            try {
                Object was = component.getAccessor().invoke(before);
                Object is = component.getAccessor().invoke(after);
                if (!was.equals(is)) {
                    names.add(component.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
        return names;
    }
}
