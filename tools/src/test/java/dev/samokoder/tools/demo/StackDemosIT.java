package dev.samokoder.tools.demo;

import dev.samokoder.core.http.Json;
import dev.samokoder.llm.replay.RecordedExchange;
import dev.samokoder.llm.replay.ReplayTranscript;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.local.api.PlatformUser;
import dev.samokoder.local.model.ScriptedModelServer;
import dev.samokoder.local.model.StackDemoModel;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack demos, recorded: a scripted team builds a real app on a real stack through the real sandbox with real
 * installs — the bookmarks app (Express + Jest, React + Vite; packages from the npm registry through the egress
 * proxy) and the notes app (Flask + pytest in a virtualenv; packages from a local index of this machine's Debian
 * packages). Each run succeeds with its tests run, its front end built and the started app answering its probe;
 * the export is the app's source with its lockfile and no build output or caches, and the Node app's
 * {@code npm ci && npm test} passes outside the sandbox. The recordings are the committed transcripts that
 * {@code scripts/demo express-react} and {@code scripts/demo flask} replay ({@code -Dsamokoder.demo.record=true}
 * writes them). Both demos run on one platform, one after the other, each with its own recording file.
 */
class StackDemosIT {

    private static final Path TRANSCRIPTS = Path.of("..", "events", "llm").toAbsolutePath().normalize();
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(8);

    @Test
    void theExpressReactAndFlaskDemos_succeedWithRealInstalls_andAreTheCommittedTranscripts(@TempDir Path dir) throws Exception {
        // the express-react demo
        StackDemoModel bookmarks = StackDemoModel.expressReact();
        Map<String, byte[]> bookmarksExport = record(dir.resolve("express-react"), bookmarks, Optional.empty(), DemoMain.EXPRESS_REACT_APP,
                "demo-express-react.jsonl", "the app answered GET / on port 3000");
        assertThat(bookmarksExport.keySet()).containsExactlyInAnyOrderElementsOf(withLockfile(bookmarks.files().keySet()));
        String lockfile = new String(bookmarksExport.get("package-lock.json"), StandardCharsets.UTF_8);
        assertThat(lockfile).contains("\"node_modules/express\"").contains("\"node_modules/vite\"").contains("\"node_modules/jest\"");

        // the exported Node app is an ordinary npm project: npm ci && npm test pass outside the sandbox
        Path app = unpack(bookmarksExport, dir.resolve("bookmarks-app"));
        String ci = run(app, "npm", "ci", "--no-audit", "--no-fund");
        String tests = run(app, "npm", "test");
        assertThat(tests).as(ci).contains("Tests:       3 passed, 3 total").containsPattern("Tests\\s+2 passed \\(2\\)");

        // the flask demo, installing from a local package index the proxy lets through
        StackDemoModel notes = StackDemoModel.flask();
        try (LocalPackageIndex index = LocalPackageIndex.start(dir.resolve("pypi"), DemoMain.FLASK_PACKAGES)) {
            Map<String, byte[]> notesExport = record(dir.resolve("flask"), notes, Optional.of(index), DemoMain.FLASK_APP,
                    "demo-flask.jsonl", "the app answered GET / on port 5000");
            assertThat(notesExport.keySet()).containsExactlyInAnyOrderElementsOf(notes.files().keySet());
        }
    }

    /**
     * Records one demo on a platform of its own (its own recording file), checks the run and the app it built, and
     * compares the recording with the committed transcript; returns the project's export.
     */
    private static Map<String, byte[]> record(Path dir, StackDemoModel model, Optional<LocalPackageIndex> index, String request,
                                              String transcript, String probed) throws Exception {
        String key = "local-model-key-" + UUID.randomUUID();
        Path recorded = dir.resolve("recorded.jsonl");
        Map<String, byte[]> export;
        try (ScriptedModelServer server = ScriptedModelServer.start(model, Optional.of(key))) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "SAMOKODER_DATA_DIR", dir.resolve("data").toString(),
                    "SAMOKODER_PORT", "0",
                    "SAMOKODER_STATIC_DIR", dir.resolve("no-web-app").toString(),
                    "SAMOKODER_LLM_MODEL", "openai-compatible:demo-scripted",
                    "SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", server.baseUrl().toString(),
                    "SAMOKODER_LLM_OPENAI_COMPATIBLE_API_KEY", key,
                    "SAMOKODER_LLM_RECORD", recorded.toString()));
            index.ifPresent(i -> DemoMain.usePackageIndex(env, i));
            try (LocalPlatform platform = LocalPlatform.start(PlatformUser.config(env), Clock.systemUTC())) {
                PlatformUser user = new PlatformUser(platform.port());
                String project = user.project(transcript);
                String run = user.startRun(project, "autonomous", request);
                JsonNode done = user.awaitStatus(run, status -> !status.equals("running"), RUN_TIMEOUT);
                assertThat(done.path("status").asText()).as("%s\n%s\nmodel: %s", done, user.timeline(run), server.failures())
                        .isEqualTo("succeeded");
                assertThat(server.failures()).isEmpty();

                // every file as the team wrote it
                Map<String, String> files = user.files(project);
                model.files().forEach((path, content) -> assertThat(files.get(path)).as(path).isEqualTo(content));
                int tasks = user.tasks(run).path("items").size();
                assertThat(tasks).isEqualTo(2);
                // the last task: its tests' execution, then one of its own that built, started and probed the app
                JsonNode last = user.executions(run, tasks).path("items");
                assertThat(last.size()).as(last.toString()).isEqualTo(2);
                assertThat(last.get(0).toString()).doesNotContain(probed);
                assertThat(last.get(1).toString()).contains(probed);
                assertThat(last.get(1).path("passed").asBoolean()).isTrue();
                export = user.export(project);
            }
        }
        assertThat(export.keySet()).as("no build output, dependencies or caches are exported").noneMatch(name -> name.startsWith("dist/")
                || name.contains("node_modules/") || name.startsWith(".venv/") || name.contains("__pycache__/")
                || name.startsWith(".pytest_cache/") || name.startsWith("coverage/"));

        String recording = Files.readString(recorded);
        assertThat(recording).doesNotContain(key);
        Path committed = TRANSCRIPTS.resolve(transcript);
        if (Boolean.getBoolean("samokoder.demo.record")) {
            Files.copy(recorded, committed, StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(lines(ReplayTranscript.load(committed))).as("events/llm/%s is the recording of StackDemoModel; re-record it with: "
                + "scripts/test -pl tools -am -Dtest=StackDemosIT -Dsamokoder.demo.record=true", transcript)
                .isEqualTo(lines(ReplayTranscript.load(recorded)));
        return export;
    }

    private static List<String> withLockfile(java.util.Set<String> files) {
        List<String> all = new java.util.ArrayList<>(files);
        all.add("package-lock.json");
        return all;
    }

    private static Path unpack(Map<String, byte[]> export, Path folder) throws java.io.IOException {
        for (Map.Entry<String, byte[]> entry : export.entrySet()) {
            Path target = folder.resolve(entry.getKey()).normalize();
            assertThat(target.startsWith(folder)).as(entry.getKey()).isTrue();
            Files.createDirectories(target.getParent());
            Files.write(target, entry.getValue());
        }
        return folder;
    }

    private static String run(Path folder, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as("%s:\n%s", String.join(" ", command), output).isZero();
        return output.replaceAll("\u001B\\[[;\\d]*m", ""); // vitest colours its summary even in a pipe
    }

    /** A transcript's exchanges by key, as JSON (key order aside), without the usage counts. */
    private static Map<String, JsonNode> lines(ReplayTranscript transcript) throws java.io.IOException {
        Map<String, JsonNode> lines = new TreeMap<>();
        for (RecordedExchange e : transcript.exchanges()) {
            String line = ReplayTranscript.line(new RecordedExchange(e.agent(), e.exchange(), e.text(), e.toolCalls(), Optional.empty(),
                    e.truncated()));
            lines.put(e.key(), Json.mapper().readTree(line));
        }
        return lines;
    }
}
