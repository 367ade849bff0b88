package dev.samokoder.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxReaperTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(2);

    /** Tasks in memory; stopping one records it. */
    private static final class FakeTasks implements SandboxTasks {
        final Map<String, SandboxTask> tasks = new LinkedHashMap<>();
        final List<String> stops = new ArrayList<>();
        String failOn;

        FakeTasks with(SandboxTask task) {
            tasks.put(task.taskId(), task);
            return this;
        }

        @Override
        public List<SandboxTask> running() {
            return List.copyOf(tasks.values());
        }

        @Override
        public void stop(SandboxTask task, String reason) {
            if (task.taskId().equals(failOn)) {
                throw new IllegalStateException("access denied");
            }
            stops.add(task.taskId() + ": " + reason);
            tasks.remove(task.taskId());
        }
    }

    private static SandboxTask task(String id, String runId, Duration age, Duration limit) {
        return new SandboxTask(id, runId, "arn:exec:" + runId, NOW.minus(age), limit);
    }

    private static SandboxReaper reaper(FakeTasks tasks, Set<String> cancelledRuns) {
        return new SandboxReaper(tasks, task -> !cancelledRuns.contains(task.runId()), GRACE, Duration.ofMinutes(30),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void stopsATaskPastItsLimitAndGrace_leavesOneWithinIt() {
        // given
        FakeTasks tasks = new FakeTasks()
                .with(task("overdue", "run_a", Duration.ofMinutes(13), Duration.ofMinutes(10)))
                .with(task("in-grace", "run_a", Duration.ofMinutes(11), Duration.ofMinutes(10)))
                .with(task("young", "run_a", Duration.ofMinutes(1), Duration.ofMinutes(10)));

        // when
        ReapReport report = reaper(tasks, Set.of()).reap();

        // then
        assertThat(report.running()).isEqualTo(3);
        assertThat(report.stopped()).containsExactly(new ReapedTask("overdue", "run_a", ReapedTask.Reason.OVERDUE, 13 * 60));
        assertThat(tasks.tasks).containsOnlyKeys("in-grace", "young");
        assertThat(tasks.stops).singleElement().asString().contains("time limit");
    }

    @Test
    void stopsATaskWhoseRunWasCancelled() {
        // given
        FakeTasks tasks = new FakeTasks()
                .with(task("of-cancelled", "run_cancelled", Duration.ofSeconds(30), Duration.ofMinutes(10)))
                .with(task("of-active", "run_active", Duration.ofSeconds(30), Duration.ofMinutes(10)));

        // when
        ReapReport report = reaper(tasks, Set.of("run_cancelled")).reap();

        // then
        assertThat(report.stopped()).extracting(ReapedTask::taskId, ReapedTask::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("of-cancelled", ReapedTask.Reason.RUN_NOT_ACTIVE));
        assertThat(tasks.tasks).containsOnlyKeys("of-active");
    }

    @Test
    void aTaskWithoutItsOwnLimitGetsTheMaximum() {
        // given
        FakeTasks tasks = new FakeTasks()
                .with(task("old", "run_a", Duration.ofMinutes(33), null))
                .with(task("recent", "run_a", Duration.ofMinutes(31), null));

        // when
        ReapReport report = reaper(tasks, Set.of()).reap();

        // then
        assertThat(report.stopped()).extracting(ReapedTask::taskId).containsExactly("old");
    }

    @Test
    void aFailedStopIsReported_andTheOtherTasksAreStillReaped() {
        // given
        FakeTasks tasks = new FakeTasks()
                .with(task("stubborn", "run_gone", Duration.ofMinutes(1), Duration.ofMinutes(10)))
                .with(task("other", "run_gone", Duration.ofMinutes(1), Duration.ofMinutes(10)));
        tasks.failOn = "stubborn";

        // when
        ReapReport report = reaper(tasks, Set.of("run_gone")).reap();

        // then
        assertThat(report.stopped()).extracting(ReapedTask::taskId).containsExactly("other");
        assertThat(report.failures()).singleElement().asString().contains("stubborn").contains("access denied");
    }

    @Test
    void aTaskIsActiveOnlyWhileEveryCheckSaysSo_askedInOrder() {
        // given
        List<String> asked = new ArrayList<>();
        RunActivity runRecord = task -> {
            asked.add("run " + task.runId());
            return !task.runId().equals("run_cancelled");
        };
        RunActivity execution = task -> {
            asked.add("execution " + task.runId());
            return !task.runId().equals("run_execution_stopped");
        };
        RunActivity both = RunActivity.allOf(runRecord, execution);

        // when / then
        assertThat(both.isActive(task("a", "run_ok", Duration.ZERO, null))).isTrue();
        assertThat(both.isActive(task("b", "run_cancelled", Duration.ZERO, null))).isFalse();
        assertThat(both.isActive(task("c", "run_execution_stopped", Duration.ZERO, null))).isFalse();
        assertThat(asked).containsExactly("run run_ok", "execution run_ok", "run run_cancelled",
                "run run_execution_stopped", "execution run_execution_stopped");
    }
}
