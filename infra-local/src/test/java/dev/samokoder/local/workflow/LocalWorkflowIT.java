package dev.samokoder.local.workflow;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.local.model.DemoModel;
import dev.samokoder.local.model.ScriptedModelServer.Call;
import dev.samokoder.local.model.ScriptedModelServer.Reply;
import dev.samokoder.local.model.ScriptedModelServer;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunEvent;
import dev.samokoder.services.runs.RunEvents;
import dev.samokoder.services.runs.RunKind;
import dev.samokoder.services.runs.RunRepository;
import dev.samokoder.services.runs.RunStatus;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The generation state machine in the local engine with a model that never fixes the bug (the
 * scripted demo model behind the OpenAI-compatible provider, its fixes left out): the fix
 * loop ends the task within its bounds (a repeated failure goes to ProblemSolver once, then the
 * task stops) and the run fails with the workspace back as it was before the run.
 */
class LocalWorkflowIT {

    /**
     * The demo's model, except that its CodeMonkey, asked to fix src/server.js, reads it and submits
     * it unchanged; and a ProblemSolver that reads the file and plans the same fix again.
     */
    private static ScriptedModelServer.Script neverFixing() {
        DemoModel demo = new DemoModel();
        return turn -> {
            if (turn.agent().equals("CodeMonkey") && turn.prompt().contains("src/server.js exists (")) {
                return turn.resultOf("read_file", "src/server.js").isEmpty()
                        ? Reply.calls(Call.of("read_file", "path", "src/server.js"))
                        : Reply.calls(Call.of("submit", "summary", "HTTP server: the /todos routes"));
            }
            if (turn.agent().equals("ProblemSolver")) {
                return turn.done().isEmpty()
                        ? Reply.calls(Call.of("read_file", "path", "src/server.js"))
                        : Reply.calls(Call.of("submit", "diagnosis", "the status code is wrong", "plan", "rewrite the POST branch",
                                "files", List.of(Map.of("path", "src/server.js", "instructions", "answer 201 for a created todo"))));
            }
            return demo.answer(turn);
        };
    }

    @Test
    void aModelThatNeverFixesTheBugEndsTheTaskWithinTheBoundAndTheRunFailsCleanly(@TempDir Path dataDir) throws Exception {
        // given: the platform with that model, and a project holding one file of the user's
        try (ScriptedModelServer model = ScriptedModelServer.start(neverFixing(), Optional.empty());
             LocalPlatform platform = LocalPlatform.start(SamokoderConfig.fromEnv(Map.of(
                     "SAMOKODER_DATA_DIR", dataDir.resolve("data").toString(),
                     "SAMOKODER_PORT", "0",
                     "SAMOKODER_LLM_MODEL", "openai-compatible:never-fixing",
                     "SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", model.baseUrl().toString())), Clock.systemUTC())) {
            SfnClient sfn = platform.stepFunctions();
            Clock clock = Clock.systemUTC();
            Storage storage = Storage.create(platform.clients(), platform.config(), clock);
            var project = storage.projects().create(Ids.newId("usr"), "todo", "a todo API",
                    new ProjectSettings(Optional.empty(), AutonomyMode.AUTONOMOUS));
            storage.files().create(project.id(), WorkspacePath.of("NOTES.md"), storage.blobs().put("mine".getBytes()));
            String baseline = new WorkspaceSnapshots(storage.files(),
                    new SnapshotStore(platform.clients().s3(), platform.config().aws().bucketName())).take(project.id());
            RunRepository runs = new RunRepository(storage.table(), clock);
            Run run = runs.start(project.id(), project.ownerId(), RunKind.NEW_APP, "a todo REST API", AutonomyMode.AUTONOMOUS, baseline);

            // when
            String input = "{\"runId\":\"" + run.id() + "\",\"limits\":{\"codeMonkeyConcurrency\":4}}";
            String executionArn = sfn.startExecution(r -> r.stateMachineArn(platform.generationStateMachineArn())
                    .name(run.id()).input(input)).executionArn();
            ExecutionStatus status = await("the execution ends").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> sfn.describeExecution(r -> r.executionArn(executionArn)).status(), s -> s != ExecutionStatus.RUNNING);

            // then: three executions (the first, after BugHunter's fix, after ProblemSolver's), then the router stops the task
            List<String> entered = statesEntered(sfn, executionArn);
            assertThat(entered).containsSubsequence("SpecWriter", "Architect", "TechLead", "Developer", "CodeMonkey",
                    "PrepareExecution", "Executor", "JudgeExecution", "BugHunter", "CodeMonkey", "Executor", "JudgeExecution",
                    "BugHunter", "ProblemSolver", "CodeMonkey", "Executor", "JudgeExecution", "BugHunter", "Stopped", "RunFailed");
            assertThat(entered.stream().filter("Executor"::equals).count()).isEqualTo(3);
            assertThat(status).isEqualTo(ExecutionStatus.FAILED);
            Run failed = runs.get(run.id()).orElseThrow();
            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.failure()).hasValueSatisfying(reason -> assertThat(reason).contains("after ProblemSolver"));
            // the workspace is as it was before the run: the user's file, none of the run's
            assertThat(storage.files().list(project.id(), 100, Optional.empty()).items())
                    .extracting(entry -> entry.path().value()).containsExactly("NOTES.md");
            List<RunEvent> timeline = new RunEvents(platform.clients().dynamoDb(), storage.table(), clock).after(run.id(), 0, 500);
            List<String> events = timeline.stream().map(RunEvent::type).toList();
            assertThat(events).containsSubsequence("FIX_PLANNED", "FAILURE_REPEATED", "FIX_PLANNED", "FAILURE_REPEATED", "RUN_FAILED");
            // the failed run's summary counts its model calls
            assertThat(timeline.stream().filter(e -> e.type().equals("RUN_FAILED")).findFirst().orElseThrow().message()).contains("model call(s)");
            assertThat(model.failures()).isEmpty();
            // and the project is free for the next run
            assertThat(runs.activeRunId(project.id())).isEmpty();
        }
    }

    private static List<String> statesEntered(SfnClient sfn, String executionArn) {
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
        return entered;
    }
}
