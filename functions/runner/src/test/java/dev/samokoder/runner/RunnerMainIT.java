package dev.samokoder.runner;

import dev.samokoder.core.blob.BlobRef;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.http.Json;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.sandbox.FileChange;
import dev.samokoder.sandbox.ManifestEntry;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunResult;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.sandbox.SandboxTaskContract;
import dev.samokoder.sandbox.SnapshotManifest;
import dev.samokoder.sandbox.SnapshotStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Fargate entrypoint against the embedded S3, with trusted commands (it isolates nothing outside its task). */
@ExtendWith(LocalAwsExtension.class)
class RunnerMainIT {

    @TempDir
    Path task;

    private LocalAws aws;
    private RunStore runs;

    @BeforeEach
    void setUp(LocalAws localAws) {
        aws = localAws;
        runs = new RunStore(aws.clients().s3(), aws.config().aws().bucketName());
    }

    /** The task's environment: where AWS is, and the empty workspace volume. */
    private Map<String, String> environment(String variable, String value) {
        var config = aws.config().aws();
        Map<String, String> environment = new HashMap<>(Map.of(
                "SAMOKODER_DYNAMODB_ENDPOINT", config.dynamoDbEndpoint().orElseThrow().toString(),
                "SAMOKODER_S3_ENDPOINT", config.s3Endpoint().orElseThrow().toString(),
                "SAMOKODER_SQS_ENDPOINT", config.sqsEndpoint().orElseThrow().toString(),
                "SAMOKODER_BUCKET", config.bucketName(),
                "SAMOKODER_SANDBOX_WORKSPACE", task.resolve("workspace").toString()));
        environment.put(variable, value);
        return environment;
    }

    private String snapshot(String project, Map<String, String> files) {
        Map<String, ManifestEntry> entries = new HashMap<>();
        files.forEach((path, content) -> {
            BlobRef ref = aws.storage().blobs().put(content.getBytes(StandardCharsets.UTF_8));
            entries.put(path, new ManifestEntry(ref.sha256(), ref.size(), false));
        });
        return new SnapshotStore(aws.clients().s3(), aws.config().aws().bucketName()).put(project, new SnapshotManifest(entries));
    }

    private static RunRequest request(String project, String snapshot, String script, int timeLimitSeconds) {
        return new RunRequest(Ids.newId("sbx"), Ids.newId("run"), project, snapshot, List.of(script), true, "",
                Map.of("GREETING", "hello"), timeLimitSeconds, false, null);
    }

    @Test
    void runsTheRequestAtTheKeyAndRecordsResultAndChanges() throws Exception {
        // given
        String project = Ids.newId("prj");
        RunRequest request = request(project, snapshot(project, Map.of("name.txt", "world")),
                "echo \"$GREETING $(cat name.txt)\"; echo generated > out.txt; exit 3", 30);
        String key = runs.putRequest(request);

        // when
        int status = RunnerMain.run(environment(SandboxTaskContract.REQUEST_KEY_VARIABLE, key));

        // then
        assertThat(status).isEqualTo(RunnerMain.RECORDED);
        RunResult result = runs.getResult(request.id()).orElseThrow();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout().text()).isEqualTo("hello world\n");
        assertThat(result.changes()).extracting(FileChange::path).containsExactly("out.txt");
        assertThat(result.snapshotKey()).isNotEqualTo(request.snapshotKey()).startsWith("snapshots/" + project + "/");
        assertThat(Files.readString(task.resolve("workspace/out.txt"))).isEqualTo("generated\n");
    }

    @Test
    void anInstallsPackageCacheIsKeptInS3_andTheProjectsNextExecutionInstallsFromIt() throws Exception {
        // given: an install that fetches into npm's cache only what it does not find there, and writes the lockfile
        String project = Ids.newId("prj");
        String install = "mkdir -p \"$npm_config_cache\"; if [ -f \"$npm_config_cache/left-pad.tgz\" ]; then echo from the cache; "
                + "else echo fetched; echo left-pad > \"$npm_config_cache/left-pad.tgz\"; fi; echo '{}' > package-lock.json";
        RunRequest first = new RunRequest(Ids.newId("sbx"), Ids.newId("run"), project, snapshot(project, Map.of("package.json", "{}")),
                List.of("cat package-lock.json"), true, "", Map.of(), 30, false, null, install);

        // when
        int firstStatus = RunnerMain.run(environment(SandboxTaskContract.REQUEST_KEY_VARIABLE, runs.putRequest(first)));
        RunResult firstResult = runs.getResult(first.id()).orElseThrow();
        deleteWorkspace();
        RunRequest next = new RunRequest(Ids.newId("sbx"), Ids.newId("run"), project, firstResult.snapshotKey(),
                List.of("cat package-lock.json"), true, "", Map.of(), 30, false, null, install);
        int nextStatus = RunnerMain.run(environment(SandboxTaskContract.REQUEST_KEY_VARIABLE, runs.putRequest(next)));

        // then
        assertThat(firstStatus).isEqualTo(RunnerMain.RECORDED);
        assertThat(firstResult.stdout().text()).isEqualTo("fetched\n{}\n");
        assertThat(firstResult.changes()).extracting(FileChange::path).containsExactly("package-lock.json");
        assertThat(nextStatus).isEqualTo(RunnerMain.RECORDED);
        assertThat(runs.getResult(next.id()).orElseThrow().stdout().text()).isEqualTo("from the cache\n{}\n");
        assertThat(aws.clients().s3().listObjectsV2(r -> r.bucket(aws.config().aws().bucketName()).prefix(S3PackageCache.PREFIX))
                .contents()).extracting(object -> object.key())
                .contains(S3PackageCache.key(project, Lockfiles.hash(task.resolve("workspace")).orElseThrow()));
    }

    /** The next task's empty workspace volume. */
    private void deleteWorkspace() throws java.io.IOException {
        try (var paths = Files.walk(task.resolve("workspace"))) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void takesASmallRequestFromTheEnvironmentItself() throws Exception {
        // given
        String project = Ids.newId("prj");
        RunRequest request = request(project, null, "echo inline", 30);

        // when
        int status = RunnerMain.run(environment(SandboxTaskContract.REQUEST_VARIABLE, Json.mapper().writeValueAsString(request)));

        // then
        assertThat(status).isEqualTo(RunnerMain.RECORDED);
        assertThat(runs.getResult(request.id()).orElseThrow().stdout().text()).isEqualTo("inline\n");
    }

    @Test
    void refusesAMissingOrInvalidRequest_andATimeLimitOverTheMaximum() throws Exception {
        // given
        RunRequest tooLong = request(Ids.newId("prj"), null, "true", 7200);

        // when / then
        assertThat(RunnerMain.run(environment("UNRELATED", "x"))).isEqualTo(RunnerMain.BAD_REQUEST);
        assertThat(RunnerMain.run(environment(SandboxTaskContract.REQUEST_VARIABLE, "{\"id\":\"x\"}"))).isEqualTo(RunnerMain.BAD_REQUEST);
        assertThat(RunnerMain.run(environment(SandboxTaskContract.REQUEST_KEY_VARIABLE, "sandbox-runs/sbx_nope/request.json")))
                .isEqualTo(RunnerMain.BAD_REQUEST);
        assertThat(RunnerMain.run(environment(SandboxTaskContract.REQUEST_KEY_VARIABLE, runs.putRequest(tooLong))))
                .isEqualTo(RunnerMain.BAD_REQUEST);
        assertThat(runs.getResult(tooLong.id())).isEmpty();
    }

    @Test
    void aRunThatServesAnApp_saysWhereOnceItListens_andLogsItsOutput_untilItsTimeIsUp() throws Exception {
        // given: a live preview's run, an app that listens on the task's loopback only (as Flask does by default)
        String project = Ids.newId("prj");
        int appPort;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            appPort = free.getLocalPort();
        }
        RunRequest request = new RunRequest(Ids.newId("pv"), Ids.newId("pv"), project, snapshot(project, Map.of("index.html", "previewed")),
                List.of("echo serving; exec python3 -m http.server \"$PORT\" --bind 127.0.0.1"), true, "",
                Map.of("PORT", Integer.toString(appPort)), 12, false, null, null, appPort);
        Map<String, String> environment = environment(SandboxTaskContract.REQUEST_KEY_VARIABLE, runs.putRequest(request));
        environment.put("SAMOKODER_SANDBOX_SERVING_PORT", "0");
        var status = new java.util.concurrent.CompletableFuture<Integer>();
        Thread.ofPlatform().start(() -> status.complete(RunnerMain.run(environment)));

        // when: it listens
        RunStore.Serving serving = await("it serves").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> runs.serving(request.id()), java.util.Optional::isPresent).orElseThrow();

        // then: the platform reaches it at the task's serving port, not the app's, and follows its output
        assertThat(serving.endpoint()).startsWith("127.0.0.1:").doesNotEndWith(":" + appPort);
        var http = java.net.http.HttpClient.newHttpClient();
        var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://" + serving.endpoint() + "/index.html")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("previewed");
        await("its log").atMost(Duration.ofSeconds(15)).until(() -> runs.log(request.id()).orElse(""),
                log -> log.contains("serving") && log.contains("GET /index.html"));
        // at its time limit (a preview's maximum) it ends, recorded like any run
        assertThat(status.get(30, TimeUnit.SECONDS)).isEqualTo(RunnerMain.RECORDED);
        assertThat(runs.getResult(request.id()).orElseThrow().limitsHit().time()).isTrue();
    }

    @Test
    void refusesAWorkspaceThatIsNotEmpty() throws Exception {
        // given
        Files.createDirectories(task.resolve("workspace"));
        Files.writeString(task.resolve("workspace/leftover.txt"), "from another run");
        RunRequest request = request(Ids.newId("prj"), null, "true", 30);

        // when
        int status = RunnerMain.run(environment(SandboxTaskContract.REQUEST_KEY_VARIABLE, runs.putRequest(request)));

        // then
        assertThat(status).isEqualTo(RunnerMain.RUNNER_FAILED);
        assertThat(runs.getResult(request.id())).isEmpty();
    }

    @Test
    void onSigtermAsEcsStopsTheTask_theCommandIsKilledAndItsResultRecordedAsStopped() throws Exception {
        // given: the runner in a JVM of its own, as in the task, running a command that would outlive the stop
        String project = Ids.newId("prj");
        RunRequest request = request(project, snapshot(project, Map.of("a.txt", "a")), "touch started; sleep 60", 60);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.region=us-east-1", "-cp", System.getProperty("java.class.path"), RunnerMain.class.getName())
                .redirectErrorStream(true).redirectOutput(task.resolve("runner.log").toFile());
        builder.environment().putAll(environment(SandboxTaskContract.REQUEST_KEY_VARIABLE, runs.putRequest(request)));
        Process runner = builder.start();
        try {
            await("the command starts").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .failFast(() -> assertThat(runner.isAlive()).as(() -> "the runner is running: " + log()).isTrue())
                    .until(() -> Files.exists(task.resolve("workspace/started")));

            // when: ECS stops the task (the reaper's StopTask, or a stopped execution): SIGTERM, SIGKILL 30 s later
            runner.destroy();

            // then: well within those 30 s the command is dead and the result says the run was stopped
            assertThat(runner.waitFor(25, TimeUnit.SECONDS)).as("the runner exits before ECS would kill it: %s", log()).isTrue();
            assertThat(runner.exitValue()).as("the JVM's status after SIGTERM").isEqualTo(143);
            RunResult result = runs.getResult(request.id()).orElseThrow(() -> new AssertionError("no result; the runner's log: " + log()));
            assertThat(result.stoppedByReaper()).isTrue();
            assertThat(result.signal()).isEqualTo("SIGKILL");
            assertThat(result.changes()).extracting(FileChange::path).containsExactly("started");
        } finally {
            runner.destroyForcibly();
        }
    }

    private String log() {
        try {
            return Files.readString(task.resolve("runner.log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
