package dev.samokoder.runner;

import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.sandbox.RunActivity;
import dev.samokoder.sandbox.SandboxReaper;
import dev.samokoder.sandbox.SandboxTask;
import dev.samokoder.sandbox.SandboxTaskContract;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.runs.GenerationRunActivity;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunKind;
import dev.samokoder.services.runs.RunRepository;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The reaper's ECS side against a stubbed ECS endpoint, through the real EcsClient, as the scheduled Lambda runs it. */
@ExtendWith(LocalAwsExtension.class)
class EcsReaperIT {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final String CLUSTER = "samokoder-sandbox";
    private static final String PREFIX = "arn:aws:ecs:us-east-1:123456789012:task/" + CLUSTER + "/";
    private static final String CANCELLED_EXECUTION = "arn:aws:states:us-east-1:123456789012:execution:workflow:run_cancelled";

    private StubEcsServer stub;
    private EcsClient ecs;

    @BeforeEach
    void start() throws Exception {
        stub = new StubEcsServer();
        ecs = EcsClient.builder().endpointOverride(stub.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        ecs.close();
        stub.close();
    }

    private static Map<String, String> tags(String runId, String execution, int limitSeconds) {
        return Map.of(SandboxTaskContract.RUN_ID_TAG, runId, SandboxTaskContract.EXECUTION_TAG, execution,
                SandboxTaskContract.TIME_LIMIT_TAG, String.valueOf(limitSeconds));
    }

    private SandboxReaper reaper(Set<String> stoppedExecutions) {
        return new SandboxReaper(new EcsSandboxTasks(ecs, CLUSTER), task -> !stoppedExecutions.contains(task.executionArn()),
                Duration.ofMinutes(2), Duration.ofMinutes(30), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void readsEveryRunningTaskWithItsRunExecutionAndLimit() {
        // given: five tasks, so ListTasks takes three pages
        for (int i = 0; i < 5; i++) {
            stub.addTask(PREFIX + "t" + i, NOW.minusSeconds(60), tags("run_" + i, "arn:exec:" + i, 600));
        }

        // when
        List<SandboxTask> running = new EcsSandboxTasks(ecs, CLUSTER).running();

        // then
        assertThat(running).hasSize(5);
        assertThat(running.getFirst()).isEqualTo(new SandboxTask(PREFIX + "t0", "run_0", "arn:exec:0", NOW.minusSeconds(60), Duration.ofMinutes(10)));
    }

    @Test
    void stopsTheTaskPastItsLimitAndTheTaskOfACancelledRun_leavesTheRest() {
        // given
        stub.addTask(PREFIX + "overdue", NOW.minus(Duration.ofMinutes(13)), tags("run_slow", "arn:exec:slow", 600));
        stub.addTask(PREFIX + "cancelled", NOW.minus(Duration.ofMinutes(1)), tags("run_cancelled", CANCELLED_EXECUTION, 600));
        stub.addTask(PREFIX + "healthy", NOW.minus(Duration.ofMinutes(1)), tags("run_ok", "arn:exec:ok", 600));

        // when
        var report = reaper(Set.of(CANCELLED_EXECUTION)).reap();

        // then
        assertThat(report.running()).isEqualTo(3);
        assertThat(report.stopped()).extracting(task -> task.taskId().substring(PREFIX.length()) + " " + task.reason())
                .containsExactlyInAnyOrder("overdue OVERDUE", "cancelled RUN_NOT_ACTIVE");
        assertThat(stub.stopRequests).extracting(request -> request.path("cluster").asText()).containsOnly(CLUSTER);
        assertThat(stub.stopRequests).extracting(request -> request.path("reason").asText()).allMatch(reason -> reason.startsWith("samokoder reaper"));
        assertThat(new EcsSandboxTasks(ecs, CLUSTER).running()).extracting(SandboxTask::taskId).containsExactly(PREFIX + "healthy");
    }

    @Test
    void theScheduledLambdaReapsAndReturnsItsReport() {
        // given
        stub.addTask(PREFIX + "cancelled", NOW.minus(Duration.ofMinutes(1)), tags("run_cancelled", CANCELLED_EXECUTION, 600));
        ScheduledEvent event = EventLoader.loadScheduledEvent("../../events/scheduled/sandbox-reaper.json");

        // when
        Map<String, Object> report = new ReaperHandler(reaper(Set.of(CANCELLED_EXECUTION))).handleRequest(event, null);

        // then
        JsonNode json = dev.samokoder.core.http.Json.mapper().valueToTree(report);
        assertThat(json.path("running").asInt()).isEqualTo(1);
        assertThat(json.path("stopped").get(0).path("runId").asText()).isEqualTo("run_cancelled");
        assertThat(json.path("stopped").get(0).path("reason").asText()).isEqualTo("RUN_NOT_ACTIVE");
        assertThat(json.path("at").asText()).isEqualTo("2026-01-01T12:00:00Z");
        assertThat(stub.stopRequests).hasSize(1);
    }

    @Test
    void theRunIdTagLeadsToTheRun_aCancelledRunsTaskIsStopped(LocalAws aws) {
        // given: two runs, one the user cancelled (its execution still runs: a cancel waits for the next step)
        RunRepository runs = new RunRepository(aws.storage().table(), Clock.systemUTC());
        Run going = startRun(runs);
        Run cancelled = startRun(runs);
        runs.update(cancelled.id(), current -> current.withProgress(current.progress().withCancelRequested()));
        stub.addTask(PREFIX + "going", NOW.minus(Duration.ofMinutes(1)), tags(going.id(), "arn:exec:going", 600));
        stub.addTask(PREFIX + "cancelled", NOW.minus(Duration.ofMinutes(1)), tags(cancelled.id(), "arn:exec:cancelled", 600));
        SandboxReaper reaper = new SandboxReaper(new EcsSandboxTasks(ecs, CLUSTER),
                RunActivity.allOf(new GenerationRunActivity(runs), task -> true), Duration.ofMinutes(2), Duration.ofMinutes(30),
                Clock.fixed(NOW, ZoneOffset.UTC));

        // when
        var report = reaper.reap();

        // then
        assertThat(report.stopped()).extracting(task -> task.taskId().substring(PREFIX.length()) + " " + task.runId() + " " + task.reason())
                .containsExactly("cancelled " + cancelled.id() + " RUN_NOT_ACTIVE");
        assertThat(stub.stopRequests).extracting(request -> request.path("task").asText()).containsExactly(PREFIX + "cancelled");
    }

    private static Run startRun(RunRepository runs) {
        String project = Ids.newId("prj");
        return runs.start(project, Ids.newId("usr"), RunKind.NEW_APP, "an app", AutonomyMode.AUTONOMOUS, SnapshotStore.key(project, "0".repeat(64)));
    }
}
