package dev.samokoder.local;

import dev.samokoder.core.blob.BlobRef;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.http.Json;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.local.sfn.api.SfnClients;
import dev.samokoder.sandbox.ManifestEntry;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunResult;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.sandbox.SnapshotManifest;
import dev.samokoder.sandbox.SnapshotStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** scripts/dev's platform runs ecs:runTask.sync in its sandbox: the registration in LocalStepFunctions, end to end. */
class LocalPlatformSandboxIT {

    @Test
    void aStateMachineOnThePlatformRunsCommandsInTheSandbox(@TempDir Path dataDir) throws Exception {
        SamokoderConfig config = SamokoderConfig.fromEnv(Map.of("SAMOKODER_DATA_DIR", dataDir.toString(), "SAMOKODER_PORT", "0",
                "SAMOKODER_STATIC_DIR", dataDir.resolve("no-frontend").toString()));
        try (LocalPlatform platform = LocalPlatform.start(config, Clock.systemUTC());
             SfnClient sfn = SfnClients.forEndpoint(platform.stepFunctionsEndpoint())) {
            // given: a project's snapshot and a request, as the Executor step writes them
            String bucket = platform.config().aws().bucketName();
            Storage storage = Storage.create(platform.clients(), platform.config(), Clock.systemUTC());
            BlobRef script = storage.blobs().put("console.log('hello from ' + require('os').hostname())".getBytes(StandardCharsets.UTF_8));
            String project = Ids.newId("prj");
            String snapshot = new SnapshotStore(platform.clients().s3(), bucket).put(project,
                    new SnapshotManifest(Map.of("app.js", new ManifestEntry(script.sha256(), script.size(), false))));
            RunRequest request = new RunRequest(Ids.newId("sbx"), Ids.newId("run"), project, snapshot, List.of("node", "app.js"),
                    false, "", Map.of(), 60, false, null);
            RunStore runs = new RunStore(platform.clients().s3(), bucket);
            String key = runs.putRequest(request);
            String definition;
            try (InputStream in = getClass().getResourceAsStream("/sandbox/run-task.asl.json")) {
                definition = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String machine = sfn.createStateMachine(r -> r.name("executor").definition(definition)
                    .roleArn("arn:aws:iam::000000000000:role/local")).stateMachineArn();
            String input = Json.mapper().createObjectNode().put("requestKey", key).put("runId", request.runId())
                    .put("sandboxRunId", request.id()).put("timeLimitSeconds", 60).toString();

            // when
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input(input)).executionArn();
            var finished = SfnClients.awaitFinished(sfn, execution, Duration.ofSeconds(60));

            // then
            assertThat(finished.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            RunResult result = runs.getResult(request.id()).orElseThrow();
            assertThat(result.exitCode()).isZero();
            assertThat(result.stdout().text()).isEqualTo("hello from sandbox\n");
        }
    }
}
