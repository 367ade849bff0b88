package dev.samokoder.local.sandbox;

import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.http.Json;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.core.testing.MovableClock;
import dev.samokoder.local.sfn.api.SfnApiServer;
import dev.samokoder.local.sfn.api.SfnClients;
import dev.samokoder.local.sfn.engine.EngineConfig;
import dev.samokoder.local.sfn.engine.StepFunctionsEngine;
import dev.samokoder.local.sfn.store.InMemoryExecutionStore;
import dev.samokoder.local.sfn.tasks.TaskIntegrations;
import dev.samokoder.sandbox.ReapReport;
import dev.samokoder.sandbox.ReapedTask;
import dev.samokoder.sandbox.RunActivity;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunResult;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.sandbox.StepFunctionsRunActivity;
import dev.samokoder.services.runs.GenerationRunActivity;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunKind;
import dev.samokoder.services.runs.RunRepository;
import dev.samokoder.services.wiring.TestWiring;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The local runner behind ecs:runTask.sync in the local engine, and the reaper over its process
 * table: a task past its limit, a task whose run was cancelled and a task whose execution was
 * stopped are each stopped.
 */
@ExtendWith(LocalAwsExtension.class)
class LocalReaperIT {

    private final MovableClock clock = new MovableClock();
    private LocalAws aws;
    private LocalSandbox sandbox;
    private StepFunctionsEngine engine;
    private SfnApiServer api;
    private SfnClient sfn;
    private String machineArn;

    @BeforeEach
    void start(LocalAws localAws) throws IOException {
        aws = localAws;
        sandbox = LocalSandbox.create(TestWiring.of(aws.config().withSandbox(SandboxFixture.settings()), aws.clients(), clock));
        engine = StepFunctionsEngine.start(EngineConfig.builder().store(new InMemoryExecutionStore())
                .integrations(TaskIntegrations.builder().ecsRunTaskSync(sandbox.ecsRunner()).build()).build());
        api = SfnApiServer.start(engine, 0);
        sfn = SfnClients.forEndpoint(api.endpoint());
        String definition;
        try (InputStream in = getClass().getResourceAsStream("/sandbox/run-task.asl.json")) {
            definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        machineArn = sfn.createStateMachine(r -> r.name("executor-" + System.nanoTime()).definition(definition)
                .roleArn("arn:aws:iam::000000000000:role/test")).stateMachineArn();
    }

    @AfterEach
    void stop() {
        sfn.close();
        api.close();
        engine.close();
        sandbox.close();
    }

    private RunRequest request(String script, int timeLimitSeconds) {
        return request(Ids.newId("prj"), Ids.newId("run"), script, timeLimitSeconds);
    }

    private RunRequest request(String project, String runId, String script, int timeLimitSeconds) {
        return new RunRequest(Ids.newId("sbx"), runId, project, Snapshots.store(aws, project, Map.of("a.txt", "a")),
                List.of(script), true, "", Map.of(), timeLimitSeconds, false, null);
    }

    /** What the platform's reaper asks: the run by its run-id tag, then the execution by its tag. */
    private RunActivity platformActivity() {
        return RunActivity.allOf(new GenerationRunActivity(new RunRepository(aws.storage().table(), Clock.systemUTC())),
                new StepFunctionsRunActivity(sfn));
    }

    private String startExecution(RunRequest request) {
        String key = new RunStore(aws.clients().s3(), aws.config().aws().bucketName()).putRequest(request);
        ObjectNode input = Json.mapper().createObjectNode().put("requestKey", key).put("runId", request.runId())
                .put("sandboxRunId", request.id()).put("timeLimitSeconds", request.timeLimitSeconds());
        return sfn.startExecution(r -> r.stateMachineArn(machineArn).input(input.toString())).executionArn();
    }

    /** Waits until the reaper sees the sandbox running (so it is past materialization). */
    private void awaitRunning() {
        await("the sandbox starts").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> sandbox.reap(RunActivity.alwaysActive()).running() > 0);
    }

    @Test
    void theEngineRunsARequestInTheSandboxAndGetsTheStoppedTaskBack() throws Exception {
        // given
        RunRequest request = request("cat a.txt; echo ' from the sandbox'", 30);

        // when
        DescribeExecutionResponse execution = SfnClients.awaitFinished(sfn, startExecution(request), Duration.ofSeconds(60));

        // then
        assertThat(execution.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode output = Json.mapper().readTree(execution.output());
        assertThat(output.path("exitCode").asInt(-1)).isZero();
        assertThat(output.path("status").asText()).isEqualTo("STOPPED");
        RunResult result = new RunStore(aws.clients().s3(), aws.config().aws().bucketName()).getResult(request.id()).orElseThrow();
        assertThat(result.stdout().text()).isEqualTo("a from the sandbox\n");
    }

    @Test
    void aTaskWithoutARequestFailsTheStateAsOnAws() throws Exception {
        // given: no request at that key
        ObjectNode input = Json.mapper().createObjectNode().put("requestKey", "sandbox-runs/sbx_missing/request.json")
                .put("runId", "run_x").put("sandboxRunId", "sbx_missing").put("timeLimitSeconds", 10);

        // when
        DescribeExecutionResponse execution = SfnClients.awaitFinished(sfn,
                sfn.startExecution(r -> r.stateMachineArn(machineArn).input(input.toString())).executionArn(), Duration.ofSeconds(30));

        // then
        assertThat(execution.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(execution.error()).isEqualTo("States.TaskFailed");
        assertThat(Json.mapper().readTree(execution.cause()).path("StoppedReason").asText()).contains("no sandbox run request");
    }

    @Test
    void theReaperStopsATaskPastItsTimeLimit() throws Exception {
        // given: a sandbox that would run for ten minutes within a five-minute limit (its own timeout broken, say)
        RunRequest request = request("sleep 600", 300);
        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> {
            try {
                return sandbox.run(request, Ids.newId("task"), null);
            } catch (SandboxUnavailableException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitRunning();

        // when: the clock passes its limit and the grace period
        clock.advance(Duration.ofSeconds(300).plus(SandboxFixture.settings().reaperGrace()).plusSeconds(1));
        ReapReport report = sandbox.reap(RunActivity.alwaysActive());

        // then
        assertThat(report.stopped()).as("the reaper's report %s, and the run: %s", report, describe(run)).singleElement().satisfies(task -> {
            assertThat(task.runId()).isEqualTo(request.runId());
            assertThat(task.reason()).isEqualTo(ReapedTask.Reason.OVERDUE);
        });
        RunResult result = run.get();
        assertThat(result.stoppedByReaper()).isTrue();
        assertThat(result.signal()).isEqualTo("SIGKILL");
        SandboxFixture.awaitNoProcessLeft();
    }

    @Test
    void theReaperStopsATaskWhoseRunWasCancelled() throws Exception {
        // given: a generation run whose execution is in a long sandbox step
        RunRepository runs = new RunRepository(aws.storage().table(), Clock.systemUTC());
        String project = Ids.newId("prj");
        Run run = runs.start(project, Ids.newId("usr"), RunKind.NEW_APP, "an app", AutonomyMode.AUTONOMOUS,
                SnapshotStore.key(project, "0".repeat(64)));
        RunRequest request = request(project, run.id(), "sleep 600", 600);
        String executionArn = startExecution(request);
        awaitRunning();
        assertThat(sandbox.reap(platformActivity()).stopped()).as("nothing to stop while the run is active").isEmpty();

        // when: the user cancels the run (RunService.cancel: recorded on the run, the execution goes on), then the reaper passes
        runs.update(run.id(), current -> current.withProgress(current.progress().withCancelRequested()));
        ReapReport report = sandbox.reap(platformActivity());

        // then: the sandbox is stopped, its result recorded as such, and the execution's step ends
        assertThat(report.stopped()).singleElement().satisfies(task -> {
            assertThat(task.runId()).isEqualTo(run.id());
            assertThat(task.reason()).isEqualTo(ReapedTask.Reason.RUN_NOT_ACTIVE);
        });
        SandboxFixture.awaitNoProcessLeft();
        assertThat(awaitResult(request.id()).stoppedByReaper()).isTrue();
        assertThat(SfnClients.awaitFinished(sfn, executionArn, Duration.ofSeconds(30)).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void theReaperStopsATaskWhoseExecutionWasStopped() throws Exception {
        // given: a long sandbox run started by the engine
        RunRequest request = request("sleep 600", 600);
        String executionArn = startExecution(request);
        awaitRunning();

        // when: the execution is stopped (by an operator, or it failed or timed out), then the reaper passes
        sfn.stopExecution(r -> r.executionArn(executionArn).error("Stopped").cause("stopped by an operator"));
        ReapReport report = sandbox.reap(platformActivity());

        // then
        assertThat(report.stopped()).singleElement().satisfies(task -> {
            assertThat(task.runId()).isEqualTo(request.runId());
            assertThat(task.reason()).isEqualTo(ReapedTask.Reason.RUN_NOT_ACTIVE);
        });
        SandboxFixture.awaitNoProcessLeft();
        RunResult result = awaitResult(request.id());
        assertThat(result.stoppedByReaper()).isTrue();
    }

    /** What a run that should still be going did instead, for a failure message that explains itself. */
    private static String describe(CompletableFuture<RunResult> run) {
        if (!run.isDone()) {
            return "still running";
        }
        try {
            return "ended: " + run.join();
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }

    private RunResult awaitResult(String id) {
        RunStore runs = new RunStore(aws.clients().s3(), aws.config().aws().bucketName());
        return await("the result of " + id + " is stored").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> runs.getResult(id), Optional::isPresent).orElseThrow();
    }
}
