package dev.samokoder.tools.demo;

import dev.samokoder.core.http.Json;
import dev.samokoder.llm.replay.RecordedExchange;
import dev.samokoder.llm.replay.ReplayTranscript;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.local.api.PlatformUser;
import dev.samokoder.local.model.DemoModel;
import dev.samokoder.local.model.ScriptedModelServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's transcript is a recording, not a hand-written file: a run of the scripted demo model
 * ({@link DemoModel}) behind the OpenAI-compatible provider, recorded with SAMOKODER_LLM_RECORD,
 * gives exactly the committed {@code events/llm/demo-todo-api.jsonl}; replaying that file builds the
 * same app, file for file, changes it the same way, fails the same change that fails, and the
 * app's own {@code npm test} passes. With
 * {@code -Dsamokoder.demo.record=true} the test writes the recording over the committed file.
 */
class DemoTranscriptIT {

    static final Path TRANSCRIPT = Path.of("..", "events", "llm", "demo-todo-api.jsonl").toAbsolutePath().normalize();
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    private static final String REQUEST = DemoMain.TODO_APP;

    @Test
    void recordingTheScriptedModel_givesTheCommittedTranscript_andReplayingItBuildsTheSameApp(@TempDir Path dir) throws Exception {
        // given: the scripted model as a real HTTP model server, which wants a key
        String key = "local-model-key-" + UUID.randomUUID();
        Path recorded = dir.resolve("recorded.jsonl");
        Map<String, String> recordedApp;
        Map<String, String> recordedChange;
        try (ScriptedModelServer model = ScriptedModelServer.start(new DemoModel(), Optional.of(key));
             LocalPlatform platform = LocalPlatform.start(PlatformUser.config(Map.of(
                     "SAMOKODER_DATA_DIR", dir.resolve("recording").toString(),
                     "SAMOKODER_PORT", "0",
                     "SAMOKODER_STATIC_DIR", dir.resolve("no-web-app").toString(),
                     "SAMOKODER_LLM_MODEL", "openai-compatible:demo-scripted",
                     "SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", model.baseUrl().toString(),
                     "SAMOKODER_LLM_OPENAI_COMPATIBLE_API_KEY", key,
                     "SAMOKODER_LLM_RECORD", recorded.toString())), Clock.systemUTC())) {
            PlatformUser user = new PlatformUser(platform.port());

            // when: the autonomous demo and an interactive run (its SpecWriter asks first) are recorded
            String project = user.project("Todos");
            String run = user.startRun(project, "autonomous", REQUEST);
            JsonNode done = user.awaitStatus(run, status -> !status.equals("running"), RUN_TIMEOUT);
            assertThat(done.path("status").asText()).as("%s\n%s\nmodel: %s", done, user.timeline(run), model.failures()).isEqualTo("succeeded");
            recordedApp = user.files(project);
            recordedChange = changeRequest(user, project);
            failingChange(user, project);
            interactiveRun(user);
            assertThat(model.failures()).isEmpty();
        }

        // then: the recording holds no key, and is the committed transcript
        String recording = Files.readString(recorded);
        assertThat(recording).doesNotContain(key);
        if (Boolean.getBoolean("samokoder.demo.record")) {
            Files.copy(recorded, TRANSCRIPT, StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(lines(ReplayTranscript.load(TRANSCRIPT))).as("events/llm/demo-todo-api.jsonl is the recording of DemoModel; "
                + "re-record it with: scripts/test -pl tools -am -Dtest=DemoTranscriptIT -Dsamokoder.demo.record=true")
                .isEqualTo(lines(ReplayTranscript.load(recorded)));

        // and replaying it, at full concurrency, builds the same app
        Map<String, String> replayedApp;
        try (LocalPlatform platform = LocalPlatform.start(PlatformUser.config(Map.of(
                "SAMOKODER_DATA_DIR", dir.resolve("replaying").toString(),
                "SAMOKODER_PORT", "0",
                "SAMOKODER_STATIC_DIR", dir.resolve("no-web-app").toString(),
                "SAMOKODER_LLM_MODEL", "replay:demo",
                "SAMOKODER_LLM_REPLAY_TRANSCRIPT", TRANSCRIPT.toString(),
                "SAMOKODER_WORKFLOW_CODE_MONKEY_CONCURRENCY", "10")), Clock.systemUTC())) {
            PlatformUser user = new PlatformUser(platform.port());
            String project = user.project("Todos again");
            String run = user.startRun(project, "autonomous", REQUEST);
            JsonNode done = user.awaitStatus(run, status -> !status.equals("running"), RUN_TIMEOUT);
            assertThat(done.path("status").asText()).as("%s\n%s", done, user.timeline(run)).isEqualTo("succeeded");
            replayedApp = user.files(project);
            // the last task's execution started the app and it answered its probe path
            JsonNode last = user.executions(run, user.tasks(run).path("items").size());
            assertThat(last.toString()).contains("the app answered GET / on port 3000");
            assertThat(changeRequest(user, project)).isEqualTo(recordedChange);
            failingChange(user, project);
        }
        assertThat(replayedApp).isEqualTo(recordedApp);
        assertThat(replayedApp.keySet()).containsExactly("README.md", "package-lock.json", "package.json", "public/index.html",
                "src/server.js", "src/store.js", "test/api.test.js", "test/page.test.js");

        // and the app, changed, is an ordinary npm project whose own tests pass outside the sandbox too
        Path app = dir.resolve("app");
        for (var file : recordedChange.entrySet()) {
            Files.createDirectories(app.resolve(file.getKey()).getParent());
            Files.writeString(app.resolve(file.getKey()), file.getValue());
        }
        Process npm = new ProcessBuilder("npm", "test").directory(app.toFile()).redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes());
        assertThat(npm.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(npm.exitValue()).as(output).isZero();
        assertThat(output).contains("# pass 8").contains("# fail 0");
    }

    /**
     * The change request "add due dates" on the built app: the spec updated (its diff on the
     * timeline), the architecture kept, the code and the README edited — the first README's sections
     * are all still there — and the tests, old and new, passing in the sandbox.
     */
    private static Map<String, String> changeRequest(PlatformUser user, String project) {
        Map<String, String> before = user.files(project);
        String run = user.startRun(project, "autonomous", DemoMain.DUE_DATES, "change-request");
        JsonNode done = user.awaitStatus(run, status -> !status.equals("running"), RUN_TIMEOUT);
        String timeline = user.timeline(run);
        assertThat(done.path("status").asText()).as("%s\n%s", done, timeline).isEqualTo("succeeded");
        assertThat(timeline).contains("SPEC_UPDATED [SpecWriter]: the app's spec updated for the change")
                .contains("ARCHITECTURE_CHOSEN [Architect]: kept: REST API with a static page on NODE")
                .contains("TOOL_CALL [TechnicalWriter]: edited README.md").doesNotContain("wrote README.md");
        Map<String, String> after = user.files(project);
        for (String section : List.of("## Install", "## Run", "## API", "## Test", "A small todo list: a REST API on Node.js built-ins")) {
            assertThat(after.get("README.md")).contains(section);
        }
        assertThat(after.get("README.md")).contains("## Due dates").contains("\"dueDate\": \"2026-12-24\"");
        assertThat(after.get("src/store.js")).contains("add(title, dueDate = null)");
        assertThat(after).containsKey("test/due-dates.test.js");
        assertThat(after.get("package.json")).isEqualTo(before.get("package.json"));
        return after;
    }

    /**
     * The change request after it, which fails: it contradicts a test the app keeps, the fixes go
     * round in a circle, and the run stops on its task. The task shows failed, the run says why in
     * plain words — the command and its exit code — and the files are the app's as they were.
     */
    private static void failingChange(PlatformUser user, String project) {
        Map<String, String> before = user.files(project);
        String run = user.startRun(project, "autonomous", DemoModel.UNTITLED, "change-request");
        JsonNode done = user.awaitStatus(run, status -> !status.equals("running"), RUN_TIMEOUT);
        String timeline = user.timeline(run);
        assertThat(done.path("status").asText()).as("%s\n%s", done, timeline).isEqualTo("failed");
        assertThat(done.path("failure").asText()).isEqualTo("task 1 of 1 failed the same way after ProblemSolver; stopping the task. "
                + "Its last execution: npm test failed with exit code 1");
        assertThat(timeline).containsSubsequence("FIX_PLANNED [BugHunter]: task 1, iteration 1", "FIX_PLANNED [BugHunter]: task 1, iteration 2",
                "FAILURE_REPEATED", "FIX_PLANNED [ProblemSolver]: task 1, iteration 3", "FAILURE_REPEATED", "RUN_FAILED");
        JsonNode tasks = user.tasks(run).path("items");
        assertThat(tasks).as(tasks.toString()).hasSize(1);
        assertThat(tasks.get(0).path("status").asText()).isEqualTo("failed");
        assertThat(user.files(project)).isEqualTo(before);
    }

    private static void interactiveRun(PlatformUser user) {
        String project = user.project("Asked");
        String run = user.startRun(project, "interactive", REQUEST);
        JsonNode waiting = user.awaitStatus(run, status -> !status.equals("running"), RUN_TIMEOUT);
        assertThat(waiting.path("status").asText()).as(user.timeline(run)).isEqualTo("waiting-for-answer");
        user.answer(run, 1, "No, keeping them in memory is fine.");
        JsonNode done = user.awaitStatus(run, status -> !status.equals("running") && !status.equals("waiting-for-answer"), RUN_TIMEOUT);
        assertThat(done.path("status").asText()).as("%s\n%s", done, user.timeline(run)).isEqualTo("succeeded");
    }

    /** A transcript's exchanges by key, as JSON (key order aside), without the usage counts. */
    private static Map<String, JsonNode> lines(ReplayTranscript transcript) throws java.io.IOException {
        Map<String, JsonNode> lines = new java.util.TreeMap<>();
        for (RecordedExchange e : transcript.exchanges()) {
            String line = ReplayTranscript.line(new RecordedExchange(e.agent(), e.exchange(), e.text(), e.toolCalls(), Optional.empty(),
                    e.truncated()));
            lines.put(e.key(), Json.mapper().readTree(line));
        }
        return lines;
    }
}
