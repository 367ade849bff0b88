package dev.samokoder.services.runs;

import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.sandbox.SandboxTask;
import dev.samokoder.sandbox.SnapshotStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The reaper reads a sandbox task's generation run by its run-id tag: cancelled or ended means no more sandbox time. */
@ExtendWith(LocalAwsExtension.class)
class GenerationRunActivityIT {

    private RunRepository runs;
    private GenerationRunActivity activity;

    @BeforeEach
    void setUp(Storage storage) {
        runs = new RunRepository(storage.table(), Clock.systemUTC());
        activity = new GenerationRunActivity(runs);
    }

    private Run start() {
        String projectId = Ids.newId("prj");
        return runs.start(projectId, Ids.newId("usr"), RunKind.NEW_APP, "a todo app", AutonomyMode.AUTONOMOUS,
                SnapshotStore.key(projectId, "0".repeat(64)));
    }

    private static SandboxTask taskOf(String runId) {
        return new SandboxTask("task_1", runId, "arn:exec:1", Instant.now(), Duration.ofMinutes(10));
    }

    @Test
    void aRunningRunIsActive() {
        // given
        Run run = start();

        // when / then
        assertThat(activity.isActive(taskOf(run.id()))).isTrue();
    }

    @Test
    void aRunWhoseUserAskedToCancelIsNotActive_beforeItsWorkflowNoticed() {
        // given: what RunService.cancel writes; the run's status is still RUNNING
        Run run = start();
        runs.update(run.id(), current -> current.withProgress(current.progress().withCancelRequested()));

        // when / then
        assertThat(runs.get(run.id()).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(activity.isActive(taskOf(run.id()))).isFalse();
    }

    @Test
    void anEndedRunIsNotActive() {
        // given
        Run failed = start();
        runs.update(failed.id(), current -> current.withStatus(RunStatus.FAILED));

        // when / then
        assertThat(activity.isActive(taskOf(failed.id()))).isFalse();
    }

    @Test
    void aTaskWithoutARunIdOrWithAnUnknownRunIsLeftToTheOtherChecks() {
        assertThat(activity.isActive(taskOf(null))).isTrue();
        assertThat(activity.isActive(taskOf(Ids.newId("run")))).isTrue();
    }
}
