package dev.samokoder.workflow.agents;

import dev.samokoder.core.config.WorkflowLimits;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.ledger.CallOutcome;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.ledger.LlmCall;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunNotifier;
import dev.samokoder.services.runs.RunProgress.FailureKind;
import dev.samokoder.services.runs.RunProgress.TaskPhase;
import dev.samokoder.services.runs.RunProgress.TaskProgress;
import dev.samokoder.services.runs.RunProgress;
import dev.samokoder.services.runs.RunStatus;
import dev.samokoder.services.runs.artifacts.Execution;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.workspace.WorkspaceService;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a run ends: for its model calls, whatever a step left reserved is settled, succeeded or failed
 * alike; a failed run says why in plain words.
 */
@ExtendWith(LocalAwsExtension.class)
class RunLifecycleIT {

    private AgentHarness harness;
    private CostLedger ledger;
    private RunLifecycle lifecycle;

    @BeforeEach
    void setUp(LocalAws aws) {
        harness = AgentHarness.withAnswers(aws, Map.of(), AutonomyMode.AUTONOMOUS, WorkflowLimits.defaults());
        Clock clock = Clock.systemUTC();
        ledger = new CostLedger(aws.clients().dynamoDb(), harness.storage.table(), clock);
        String bucket = aws.config().aws().bucketName();
        WorkspaceSnapshots snapshots = new WorkspaceSnapshots(harness.storage.files(), new SnapshotStore(aws.clients().s3(), bucket));
        lifecycle = new RunLifecycle(harness.context, snapshots,
                new WorkspaceService(harness.storage.files(), harness.storage.blobs(), aws.clients().s3(), aws.clients().s3Presigner(),
                        bucket, Duration.ofMinutes(5), clock),
                ledger, RunNotifier.NONE);
        Run started = harness.current();
        harness.runs.save(started.withControl(started.control().withGoodSnapshot(snapshots.take(started.projectId()))));
    }

    @Test
    void aSucceededRun_settlesTheCallsItsStepsLeftReserved() {
        // given: a step died holding its call's reservation
        reserveAndDie();

        // when
        Run ended = lifecycle.succeed(harness.run.id());

        // then
        assertThat(ended.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertNothingHeld();
    }

    @Test
    void aFailedRun_settlesTheCallsItsStepsLeftReserved() {
        // given
        reserveAndDie();

        // when
        Run ended = lifecycle.fail(harness.run.id(), "States.Timeout", "the step timed out");

        // then
        assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
        assertNothingHeld();
    }

    @Test
    void aRunStoppedInItsFixLoop_failsNamingTheCommandAndItsExitCode_andItsTaskShowsFailed() {
        // given: task 1 of 1 failed, its fixes did not help, and the router stopped it
        Run run = harness.run;
        harness.artifacts.putTasks(run.id(), List.of(new PlannedTask(1, "API", "todos", "GET/POST /todos", List.of("POST then GET"),
                PlannedTask.TaskStatus.PLANNED, 0, 1, 1)));
        harness.artifacts.putExecution(run.id(), new Execution(1, 1, "sbx-1", false, List.of("npm test"), "TESTS", 1, false, 100,
                "not ok 3 - a todo without a title is refused with 400", 0, Instant.now()));
        harness.progress(p -> new RunProgress(p.mode(), true, 0, true, true, 1, 0,
                new TaskProgress(TaskPhase.FAILED, 0, 2, FailureKind.TESTS, true, true), false, false));

        // when
        Run ended = lifecycle.fail(run.id(), "Samokoder.Stopped", "task 1 of 1 failed the same way after ProblemSolver; stopping the task");

        // then
        assertThat(ended.status()).isEqualTo(RunStatus.FAILED);
        assertThat(ended.failure()).hasValue("task 1 of 1 failed the same way after ProblemSolver; stopping the task. "
                + "Its last execution: npm test failed with exit code 1");
        assertThat(harness.artifacts.task(run.id(), 1).orElseThrow().status()).isEqualTo(PlannedTask.TaskStatus.FAILED);
    }

    @Test
    void aRunThatFailedOutsideATask_saysWhatFailed_andNoExecution() {
        // when: the plan is not made yet
        Run ended = lifecycle.fail(harness.run.id(), "Samokoder.AgentOutputInvalid", "{\"errorMessage\": \"TechLead's answer stayed invalid\"}");

        // then
        assertThat(ended.failure()).hasValue("TechLead's answer stayed invalid");
    }

    private void reserveAndDie() {
        Run run = harness.run;
        ledger.reserve(CallScope.of(run.id(), run.projectId(), run.userId(), CodeMonkey.AGENT), ModelRef.parse("replay:test"),
                100, 100, new BigDecimal("0.25"), new BigDecimal("1000"));
        assertThat(ledger.projectCost(run.projectId()).spend().reservedUsd()).isEqualByComparingTo("0.25");
    }

    private void assertNothingHeld() {
        assertThat(ledger.projectCost(harness.run.projectId()).spend().reservedUsd()).isEqualByComparingTo("0");
        assertThat(ledger.runCalls(harness.run.id())).extracting(LlmCall::outcome).containsExactly(CallOutcome.FAILED);
        assertThat(ledger.runCost(harness.run.id()).inFlight()).isZero();
    }
}
