package dev.samokoder.local.api;

import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.local.model.ScriptedModelServer.Call;
import dev.samokoder.local.model.ScriptedModelServer.Reply;
import dev.samokoder.local.model.ScriptedModelServer.Turn;
import dev.samokoder.local.model.ScriptedModelServer;
import dev.samokoder.workflow.tools.Toolset;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fix loop works only when the fixers see the code they blame. The blamed file is made up by
 * the test at random (filler, and a return line whose expression hides a random comment), so no
 * model can know its text without reading it; the failing test's output shows only the values.
 * The scripted model reads when it can, and its edit quotes what it read, which the edit tool
 * applies only when it is really there. With read_file the run succeeds; with read_file withheld
 * (the same model, the same run) the fix never applies and the run fails.
 */
class ReadBeforeFixIT {

    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);
    private static final Pattern EXPECTED = Pattern.compile("expected (\\d+), got (\\d+)");
    private static final Pattern QUOTED = Pattern.compile("`([^`]+)`");

    @Test
    void aFixerThatReadsTheBlamedFile_fixesIt(@TempDir Path dir) throws Exception {
        Blamed blamed = Blamed.random();

        Outcome outcome = run(dir, blamed, Toolset.WORKSPACE);

        assertThat(outcome.status()).as(outcome.timeline()).isEqualTo("succeeded");
        assertThat(outcome.answerJs()).isEqualTo(blamed.fixed());
    }

    @Test
    void theSameModelWithoutReadFile_cannotFixIt_andTheRunFails(@TempDir Path dir) throws Exception {
        Blamed blamed = Blamed.random();

        Outcome outcome = run(dir, blamed, Toolset.WORKSPACE.without("read_file"));

        assertThat(outcome.status()).as(outcome.timeline()).isEqualTo("failed");
        assertThat(outcome.timeline()).contains("FAILURE_REPEATED").contains("edit_file refused");
        // the run is rolled back: the user's file is as it was
        assertThat(outcome.answerJs()).isEqualTo(blamed.content());
    }

    private record Outcome(String status, String timeline, String answerJs) {
    }

    private static Outcome run(Path dir, Blamed blamed, Toolset toolset) throws Exception {
        try (ScriptedModelServer model = ScriptedModelServer.start(new FixByReading(), Optional.empty());
             LocalPlatform platform = LocalPlatform.start(PlatformUser.config(Map.of(
                     "SAMOKODER_DATA_DIR", dir.resolve("data").toString(),
                     "SAMOKODER_PORT", "0",
                     "SAMOKODER_STATIC_DIR", dir.resolve("no-web-app").toString(),
                     "SAMOKODER_LLM_MODEL", "openai-compatible:fix-by-reading",
                     "SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", model.baseUrl().toString())), Clock.systemUTC(), toolset)) {
            PlatformUser user = new PlatformUser(platform.port());
            String project = user.project("Answer");
            Storage storage = Storage.create(platform.clients(), platform.config(), Clock.systemUTC());
            write(storage, project, "package.json", "{\n  \"name\": \"answer\",\n  \"private\": true,\n  \"scripts\": {\"test\": \"node --test\"}\n}\n");
            write(storage, project, "src/answer.js", blamed.content());
            write(storage, project, "test/answer.test.js", blamed.test());

            String run = user.startRun(project, "autonomous", "answer() must return the expected value");
            JsonNode done = user.awaitStatus(run, status -> !status.equals("running"), RUN_TIMEOUT);
            String timeline = user.timeline(run) + "\nmodel: " + model.failures();
            return new Outcome(done.path("status").asText(), timeline, user.files(project).get("src/answer.js"));
        }
    }

    private static void write(Storage storage, String project, String path, String content) {
        storage.files().create(project, WorkspacePath.of(path), storage.blobs().put(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** A file no model can guess: random filler, and a return line whose expression hides a random comment. */
    private record Blamed(String content, String returnLine, long wrong, long right, String test) {

        static Blamed random() {
            SecureRandom random = new SecureRandom();
            HexFormat hex = HexFormat.of();
            StringBuilder filler = new StringBuilder();
            for (int i = 0, n = 20 + random.nextInt(20); i < n; i++) {
                byte[] bytes = new byte[8];
                random.nextBytes(bytes);
                filler.append("const k").append(hex.formatHex(bytes)).append(" = '").append(hex.formatHex(bytes)).append("';\n");
            }
            long wrong = 1_000 + random.nextInt(1_000_000);
            long right = wrong + 1 + random.nextInt(1_000);
            byte[] token = new byte[6];
            random.nextBytes(token);
            String returnLine = "  return /* " + hex.formatHex(token) + " */ " + wrong + ";";
            String content = "'use strict';\n\n" + filler + "\nfunction answer() {\n" + returnLine + "\n}\n\nmodule.exports = { answer };\n";
            String test = """
                    'use strict';
                    const test = require('node:test');
                    const assert = require('node:assert/strict');
                    const { answer } = require('../src/answer');

                    test('answer() returns the expected value', () => {
                      const got = answer();
                      assert.ok(got === %d, `expected %d, got ${got}`);
                    });
                    """.formatted(right, right);
            return new Blamed(content, returnLine, wrong, right, test);
        }

        String fixed() {
            return content.replace(returnLine, "  return " + right + ";");
        }
    }

    /**
     * The model: plans nothing but the tests, and fixes by reading. Its BugHunter takes the values
     * from the failing output, reads the file when it can and quotes the line it read; its
     * CodeMonkey reads the file and edits the quoted line as it read it. Without read_file they
     * quote what the output shows, which is not the file's text.
     */
    private static final class FixByReading implements ScriptedModelServer.Script {

        @Override
        public Reply answer(Turn turn) {
            return switch (turn.agent()) {
                case "SpecWriter" -> Reply.calls(Call.of("submit", "spec", "answer() returns the expected value; its test says which.",
                        "assumptions", List.of()));
                case "Architect" -> Reply.calls(Call.of("submit", "appType", "library", "stack", "NODE", "installSteps", List.of(),
                        "buildCommand", List.of(), "testCommand", List.of("npm", "test"), "startCommand", List.of("node", "src/answer.js"),
                        "port", 0, "probePath", "/",
                        "systemDependencies", List.of("Node.js 20"), "packageDependencies", List.of()));
                case "TechLead" -> Reply.calls(Call.of("submit", "tasks", List.of(Map.of("epic", "Answer", "title", "The right answer",
                        "description", "answer() returns what test/answer.test.js expects.", "acceptanceTests", List.of("npm test passes")))));
                case "Developer" -> Reply.calls(Call.of("submit", "steps", List.of(Map.of("kind", "RUN_COMMAND", "argv", List.of("node", "--version")))));
                case "BugHunter", "ProblemSolver" -> fixPlan(turn);
                case "CodeMonkey" -> edit(turn);
                case "CodeMonkeyReview" -> Reply.calls(Call.of("submit", "approved", true, "problems", List.of()));
                case "TechnicalWriter" -> Reply.calls(Call.of("write_file", "path", "README.md", "content", "# Answer\n\n`npm test`\n"),
                        Call.of("submit", "summary", "how to test it"));
                default -> throw new IllegalStateException("no " + turn.agent() + " here");
            };
        }

        private static Reply fixPlan(Turn turn) {
            Matcher values = EXPECTED.matcher(turn.section("Its output, the end of it (data):").orElse(""));
            if (!values.find()) {
                throw new IllegalStateException("the failing output did not reach " + turn.agent());
            }
            String right = values.group(1);
            String wrong = values.group(2);
            String quoted = "return " + wrong + ";"; // all the output shows
            if (turn.offers("read_file")) {
                Optional<String> read = turn.resultOf("read_file", "src/answer.js");
                if (read.isEmpty()) {
                    return Reply.calls(Call.of("read_file", "path", "src/answer.js"));
                }
                quoted = lines(read.get()).stream().filter(line -> line.contains("return ")).findFirst().orElseThrow().strip();
            }
            return Reply.calls(Call.of("submit", "diagnosis", "answer() returns " + wrong + " where the test expects " + right + ".",
                    "plan", "Make answer() return " + right + ".",
                    "files", List.of(Map.of("path", "src/answer.js", "instructions", "Replace `" + quoted + "` with `return " + right + ";`."))));
        }

        private static Reply edit(Turn turn) {
            if (turn.done().stream().anyMatch(call -> call.name().equals("edit_file"))) {
                return Reply.calls(Call.of("submit", "summary", "answer(): the value the tests expect"));
            }
            Matcher quotes = QUOTED.matcher(turn.section("The instructions for src/answer.js (data):").orElseThrow());
            String old = quotes.find() ? quotes.group(1) : "";
            String replacement = quotes.find() ? quotes.group(1) : "";
            if (turn.offers("read_file")) {
                Optional<String> read = turn.resultOf("read_file", "src/answer.js");
                if (read.isEmpty()) {
                    return Reply.calls(Call.of("read_file", "path", "src/answer.js"));
                }
                String line = lines(read.get()).stream().filter(text -> text.contains(old)).findFirst().orElse(old);
                return Reply.calls(Call.of("edit_file", "path", "src/answer.js", "old_text", line,
                        "new_text", line.substring(0, line.indexOf(old)) + replacement));
            }
            return Reply.calls(Call.of("edit_file", "path", "src/answer.js", "old_text", old, "new_text", replacement));
        }

        /** read_file's lines without their numbers. */
        private static List<String> lines(String read) {
            return read.lines().map(line -> line.replaceFirst("^\\s*\\d+│ ", "")).toList();
        }
    }
}
