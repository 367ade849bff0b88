package dev.samokoder.shared.workflow.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samokoder.shared.domain.AutonomyMode;
import dev.samokoder.shared.llm.CallScope;
import dev.samokoder.shared.llm.ledger.CallOutcome;
import dev.samokoder.shared.llm.ledger.CostLedger;
import dev.samokoder.shared.llm.ledger.LlmCall;
import dev.samokoder.shared.llm.model.ModelRef;
import dev.samokoder.shared.sandbox.SnapshotStore;
import dev.samokoder.shared.testing.LocalAws;
import dev.samokoder.shared.testing.LocalAwsExtension;
import dev.samokoder.shared.workflow.Run;
import dev.samokoder.shared.workflow.RunNotifier;
import dev.samokoder.shared.workflow.RunStatus;
import dev.samokoder.shared.workflow.WorkflowLimits;
import dev.samokoder.shared.workspace.WorkspaceService;
import dev.samokoder.shared.workspace.WorkspaceSnapshots;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How a run ends, for its model calls: whatever a step left reserved is settled, succeeded or failed alike. */
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
