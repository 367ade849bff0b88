package dev.samokoder.local.api;

import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.local.model.ScriptedModelServer.Call;
import dev.samokoder.local.model.ScriptedModelServer.Reply;
import dev.samokoder.local.model.ScriptedModelServer.Turn;
import dev.samokoder.local.model.ScriptedModelServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fix loop through the whole workflow, the sandbox included, on a small npm project the test
 * seeds: a fixer that changes the architecture's test command, and a run that failed in its fix
 * loop resumed until it succeeds.
 */
class FixLoopRunIT {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    private static final String SUM = "'use strict';\n\nfunction sum(a, b) {\n  return a - b;\n}\n\nmodule.exports = { sum };\n";
    private static final String SUM_TEST = """
            'use strict';
            const test = require('node:test');
            const assert = require('node:assert/strict');
            const { sum } = require('../src/sum');

            test('sum adds', () => {
              assert.equal(sum(2, 3), 5);
            });
            """;

    @Test
    void aFixerChangesTheTestCommand_asTheArchitecturesNextVersion_andTheRunPasses(@TempDir Path dir) throws Exception {
        // given: the Architect's test command looks in tests/, but the tests live in test/
        Script model = new Script(List.of("node", "--test", "tests/"), new AtomicBoolean(true));

        try (Platform platform = Platform.start(dir, model)) {
            String run = platform.user.startRun(platform.project, "autonomous", "sum must add");
            JsonNode done = platform.user.awaitStatus(run, status -> !status.equals("running"), RUN_TIMEOUT);
            String timeline = platform.user.timeline(run);

            // then
            assertThat(done.path("status").asText()).as(timeline).isEqualTo("succeeded");
            assertThat(timeline).contains("ARCHITECTURE_CHANGED [BugHunter]: architecture version 2: the tests are in test/, not tests/")
                    .containsPattern("EXECUTION_FAILED \\[Executor\\]: task 1: node --test tests/ failed with exit code 1")
                    .contains("EXECUTION_PASSED");
            assertThat(platform.model.failures()).isEmpty();
        }
    }

    @Test
    void aRunThatFailedInItsFixLoop_isResumedThroughTheWorkflow_continuesTheTask_andSucceeds(@TempDir Path dir) throws Exception {
        // given: a model whose fixes do not fix, until it knows better
        AtomicBoolean knowsTheFix = new AtomicBoolean(false);
        Script model = new Script(List.of("npm", "test"), knowsTheFix);

        try (Platform platform = Platform.start(dir, model)) {
            String run = platform.user.startRun(platform.project, "autonomous", "sum must add");
            JsonNode failed = platform.user.awaitStatus(run, status -> !status.equals("running"), RUN_TIMEOUT);
            assertThat(failed.path("status").asText()).as(platform.user.timeline(run)).isEqualTo("failed");
            assertThat(platform.user.files(platform.project)).doesNotContainKey("NOTES.md"); // the failed task's file was rolled back
            // the task it stopped on shows as failed, and the reason is in plain words (no Java class name)
            assertThat(platform.user.tasks(run).toString()).as(platform.user.tasks(run).toString()).contains("\"status\":\"failed\"");
            assertThat(failed.path("failure").asText()).contains("npm test failed with exit code 1")
                    .doesNotContain("Exception").doesNotContain("dev.samokoder");

            // when: the model learns, and the user resumes the run
            knowsTheFix.set(true);
            ApiClient.Response resumed = platform.user.resume(run);
            JsonNode done = platform.user.awaitStatus(run, status -> !status.equals("running"), RUN_TIMEOUT);
            String timeline = platform.user.timeline(run);

            // then: the task went on where it stopped (its file back), with a fresh fix budget numbered on
            assertThat(resumed.status()).as(resumed.body()).isEqualTo(202);
            assertThat(done.path("status").asText()).as(timeline).isEqualTo("succeeded");
            assertThat(timeline).containsSubsequence("FIX_PLANNED [BugHunter]: task 1, iteration 1", "FIX_PLANNED [ProblemSolver]: task 1, iteration 2",
                    "RUN_FAILED", "RESUMED [", "FIX_PLANNED [BugHunter]: task 1, iteration 3", "EXECUTION_PASSED", "RUN_SUCCEEDED");
            assertThat(timeline).contains("task 1 continues where it stopped, with a fresh fix budget");
            Map<String, String> files = platform.user.files(platform.project);
            assertThat(files.get("src/sum.js")).contains("return a + b;");
            assertThat(files).containsKey("NOTES.md");
            assertThat(platform.user.tasks(run).toString()).contains("\"status\":\"done\"").doesNotContain("\"status\":\"failed\"");
            assertThat(platform.model.failures()).isEmpty();
        }
    }

    /** The platform with the scripted model, a user, and a project seeded with the small npm project. */
    private record Platform(ScriptedModelServer model, LocalPlatform platform, PlatformUser user, String project) implements AutoCloseable {

        static Platform start(Path dir, Script script) throws Exception {
            ScriptedModelServer model = ScriptedModelServer.start(script, Optional.empty());
            LocalPlatform platform = LocalPlatform.start(PlatformUser.config(Map.of(
                    "SAMOKODER_DATA_DIR", dir.resolve("data").toString(),
                    "SAMOKODER_PORT", "0",
                    "SAMOKODER_STATIC_DIR", dir.resolve("no-web-app").toString(),
                    "SAMOKODER_LLM_MODEL", "openai-compatible:fix-loop",
                    "SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", model.baseUrl().toString())), Clock.systemUTC());
            PlatformUser user = new PlatformUser(platform.port());
            String project = user.project("Sum");
            Storage storage = Storage.create(platform.clients(), platform.config(), Clock.systemUTC());
            write(storage, project, "package.json", "{\n  \"name\": \"sum\",\n  \"private\": true,\n  \"scripts\": {\"test\": \"node --test\"}\n}\n");
            write(storage, project, "src/sum.js", SUM);
            write(storage, project, "test/sum.test.js", SUM_TEST);
            return new Platform(model, platform, user, project);
        }

        private static void write(Storage storage, String project, String path, String content) {
            storage.files().create(project, WorkspacePath.of(path), storage.blobs().put(content.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public void close() {
            platform.close();
            model.close();
        }
    }

    /**
     * The model of these runs: one task whose Developer adds a NOTES.md, an Architect with the given
     * test command, and fixers that read the failure. A wrong test directory is fixed in the
     * architecture; sum's bug is fixed by reading src/sum.js and editing its return line, but only
     * once {@code knowsTheFix} is set (before, the edit changes nothing that matters).
     */
    private record Script(List<String> testCommand, AtomicBoolean knowsTheFix) implements ScriptedModelServer.Script {

        @Override
        public Reply answer(Turn turn) {
            return switch (turn.agent()) {
                case "SpecWriter" -> Reply.calls(Call.of("submit", "spec", "sum(a, b) adds two numbers; npm test checks it.", "assumptions", List.of()));
                case "Architect" -> Reply.calls(Call.of("submit", "appType", "library", "stack", "NODE", "installSteps", List.of(),
                        "buildCommand", List.of(), "testCommand", testCommand, "startCommand", List.of("node", "src/sum.js"), "port", 0,
                        "probePath", "/", "systemDependencies", List.of("Node.js 20"), "packageDependencies", List.of()));
                case "TechLead" -> Reply.calls(Call.of("submit", "tasks", List.of(Map.of("epic", "Sum", "title", "sum adds",
                        "description", "sum(a, b) returns a + b, and the notes say so.", "acceptanceTests", List.of("npm test passes")))));
                case "Developer" -> Reply.calls(Call.of("submit", "steps", List.of(Map.of("kind", "SAVE_FILE", "path", "NOTES.md",
                        "instructions", "one line: sum adds"))));
                case "CodeMonkey" -> codeMonkey(turn);
                case "CodeMonkeyReview" -> Reply.calls(Call.of("submit", "approved", true, "problems", List.of()));
                case "BugHunter", "ProblemSolver" -> fix(turn);
                case "TechnicalWriter" -> Reply.calls(Call.of("write_file", "path", "README.md", "content", "# Sum\n\n`npm test`\n"),
                        Call.of("submit", "summary", "how to test it"));
                default -> throw new IllegalStateException("no " + turn.agent() + " here");
            };
        }

        private Reply codeMonkey(Turn turn) {
            if (turn.prompt().contains("make the file NOTES.md what")) {
                return Reply.calls(Call.of("write_file", "path", "NOTES.md", "content", "sum adds\n"), Call.of("submit", "summary", "notes"));
            }
            if (turn.done().stream().anyMatch(call -> call.name().equals("edit_file"))) {
                return Reply.calls(Call.of("submit", "summary", "sum(a, b)"));
            }
            if (turn.resultOf("read_file", "src/sum.js").isEmpty()) {
                return Reply.calls(Call.of("read_file", "path", "src/sum.js"));
            }
            String line = turn.resultOf("read_file", "src/sum.js").orElseThrow().lines().map(l -> l.replaceFirst("^\\s*\\d+│ ", ""))
                    .filter(l -> l.contains("return ")).findFirst().orElseThrow();
            // without the fix it only notes the line: the tests fail the same way
            String edited = knowsTheFix.get() ? "  return a + b;" : line + " // checked";
            return Reply.calls(Call.of("edit_file", "path", "src/sum.js", "old_text", line, "new_text", edited));
        }

        private static Reply fix(Turn turn) {
            String output = turn.section("Its output, the end of it (data):").orElse("");
            if (output.contains("Could not find")) {
                if (turn.done().isEmpty()) {
                    return Reply.calls(Call.of("list_files", "glob", "**/*.test.js"));
                }
                if (!turn.done().getFirst().result().contains("test/sum.test.js")) {
                    throw new IllegalStateException("the listing does not show where the tests are");
                }
                return Reply.calls(Call.of("submit", "diagnosis", "node --test looks in tests/, which does not exist",
                        "plan", "run the tests with npm test", "files", List.of(),
                        "architecture", Map.of("reason", "the tests are in test/, not tests/", "testCommand", List.of("npm", "test"))));
            }
            if (!output.contains("-1") || !output.contains("5")) {
                throw new IllegalStateException(turn.agent() + " needs the failing assertion: " + output);
            }
            return Reply.calls(Call.of("submit", "diagnosis", "sum subtracts", "plan", "add instead",
                    "files", List.of(Map.of("path", "src/sum.js", "instructions", "make sum return a + b"))));
        }
    }
}
