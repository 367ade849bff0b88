package dev.samokoder.local.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samokoder.local.LocalPlatform;
import dev.samokoder.shared.config.SamokoderConfig;
import dev.samokoder.shared.domain.AutonomyMode;
import dev.samokoder.shared.domain.Ids;
import dev.samokoder.shared.domain.ProjectSettings;
import dev.samokoder.shared.domain.WorkspacePath;
import dev.samokoder.shared.http.Json;
import dev.samokoder.shared.storage.Storage;
import dev.samokoder.shared.workflow.Run;
import dev.samokoder.shared.workflow.RunKind;
import dev.samokoder.shared.workflow.RunRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * The real state machine file in the local engine, driving the real agents (replayed answers)
 * through the real SfnClient: everything up to the first sandbox run is wired.
 */
class LocalWorkflowIT {

    private static final Map<String, List<String>> ANSWERS = Map.of(
            "SpecWriter", List.of("{\"spec\": \"A todo REST API.\", \"questions\": [], \"assumptions\": [\"todos live in memory\"]}"),
            "Architect", List.of("{\"appType\": \"REST API\", \"stack\": \"NODE\", \"installCommand\": [], \"testCommand\": [\"node\", \"--test\"],"
                    + " \"startCommand\": [\"node\", \"src/server.js\"], \"systemDependencies\": [\"node 20\"], \"packageDependencies\": []}"),
            "TechLead", List.of("{\"tasks\": [{\"epic\": \"API\", \"title\": \"Todo routes\", \"description\": \"GET/POST /todos\","
                    + " \"acceptanceTests\": [\"POST then GET lists it\"]}]}"),
            "Developer", List.of("{\"steps\": [{\"kind\": \"SAVE_FILE\", \"path\": \"src/server.js\", \"instructions\": \"node:http server\"},"
                    + " {\"kind\": \"SAVE_FILE\", \"path\": \"test/server.test.js\", \"instructions\": \"node:test tests\"},"
                    + " {\"kind\": \"RUN_COMMAND\", \"argv\": [\"node\", \"--test\"]}]}"),
            "CodeMonkey", List.of("{\"content\": \"module.exports = 1;\\n\", \"summary\": \"server\"}",
                    "{\"content\": \"require('node:test');\\n\", \"summary\": \"tests\"}"),
            "CodeMonkeyReview", List.of("{\"approved\": true, \"problems\": []}", "{\"approved\": true, \"problems\": []}"));

    @Test
    void theStateMachineRunsTheAgentsInTheLocalEngineUpToTheSandbox(@TempDir Path dataDir) throws Exception {
        // given: the platform with the replay model, and a run of a project
        Path transcript = dataDir.resolve("transcript.json");
        Files.writeString(transcript, Json.mapper().writeValueAsString(Map.of("responses", ANSWERS)));
        SamokoderConfig config = SamokoderConfig.fromEnv(Map.of(
                "SAMOKODER_DATA_DIR", dataDir.resolve("data").toString(),
                "SAMOKODER_PORT", "0",
                "SAMOKODER_LLM_MODEL", "replay:demo",
                "SAMOKODER_LLM_REPLAY_TRANSCRIPT", transcript.toString()));
        try (LocalPlatform platform = LocalPlatform.start(config, Clock.systemUTC());
             SfnClient sfn = SfnClient.builder().endpointOverride(platform.stepFunctionsEndpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            Storage storage = Storage.create(platform.clients(), platform.config(), Clock.systemUTC());
            var project = storage.projects().create(Ids.newId("usr"), "todo", "a todo API",
                    new ProjectSettings(Optional.empty(), AutonomyMode.AUTONOMOUS));
            Run run = new RunRepository(storage.table(), Clock.systemUTC())
                    .start(project.id(), project.ownerId(), RunKind.NEW_APP, "a todo REST API", AutonomyMode.AUTONOMOUS,
                            dev.samokoder.shared.sandbox.SnapshotStore.key(project.id(), "0".repeat(64)));

            // when
            String input = "{\"runId\":\"" + run.id() + "\",\"limits\":{\"codeMonkeyConcurrency\":1}}";
            String executionArn = sfn.startExecution(r -> r.stateMachineArn(platform.generationStateMachineArn())
                    .name(run.id()).input(input)).executionArn();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            ExecutionStatus status;
            do {
                Thread.sleep(100);
                status = sfn.describeExecution(r -> r.executionArn(executionArn)).status();
            } while (status == ExecutionStatus.RUNNING && System.nanoTime() < deadline);

            // then: the agents ran in order, through Route each time, up to the Executor's first step
            List<String> entered = new ArrayList<>();
            String token = null;
            do {
                String next = token;
                var page = sfn.getExecutionHistory(r -> r.executionArn(executionArn).maxResults(1000).nextToken(next));
                for (HistoryEvent event : page.events()) {
                    if (event.stateEnteredEventDetails() != null) {
                        entered.add(event.stateEnteredEventDetails().name());
                    }
                }
                token = page.nextToken();
            } while (token != null);
            assertThat(entered).containsSubsequence("Route", "WhatNext", "SpecWriter", "Route", "WhatNext", "Architect",
                    "Route", "WhatNext", "TechLead", "Route", "WhatNext", "Developer", "Route", "WhatNext", "CodeMonkey",
                    "WriteFile", "WriteFile", "Route", "WhatNext", "PrepareExecution");
            assertThat(storage.files().get(project.id(), WorkspacePath.of("src/server.js"))).isPresent();
            assertThat(storage.files().get(project.id(), WorkspacePath.of("test/server.test.js"))).isPresent();
            // the sandbox steps are the next piece: the run stops there, visibly
            assertThat(status).isEqualTo(ExecutionStatus.FAILED);
        }
    }
}
