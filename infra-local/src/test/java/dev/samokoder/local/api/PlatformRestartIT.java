package dev.samokoder.local.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.local.LocalMainProcesses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/dev} as its own process, killed with SIGKILL in the middle of a run (while the
 * app's tests run in the sandbox) and started again on the same data dir: the run continues from
 * its last completed state and succeeds.
 */
class PlatformRestartIT {

    private static final Pattern RUNNING = Pattern.compile("Samokoder is running at http://127\\.0\\.0\\.1:(\\d+)");
    private static final String PASSWORD = "correct horse battery staple";
    private static final Path TRANSCRIPT = Path.of("..", "events", "llm", "demo-todo-api.jsonl").toAbsolutePath().normalize();

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /** Starts the platform as {@code scripts/dev} does and returns its port once it says it is running. */
    private int startPlatform() throws Exception {
        ProcessBuilder builder = LocalMainProcesses.builder(dataDir);
        builder.environment().put("SAMOKODER_LLM_MODEL", "replay:demo");
        builder.environment().put("SAMOKODER_LLM_REPLAY_TRANSCRIPT", TRANSCRIPT.toString());
        Process process = builder.start();
        processes.add(process);
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> { // drains the output for as long as the process lives
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    Matcher matcher = RUNNING.matcher(line);
                    if (matcher.find()) {
                        port.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
            } catch (IOException ignored) {
                // the process is gone
            }
            port.completeExceptionally(new IllegalStateException("the platform exited without saying it runs"));
        });
        return port.get(90, TimeUnit.SECONDS);
    }

    @Test
    void aRunSurvivesAKillOfThePlatformAndSucceedsAfterTheRestart() throws Exception {
        // given: a run in the middle of task 1's tests in the sandbox
        ApiClient api = new ApiClient(startPlatform());
        String email = "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.post("/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}");
        String token = api.post("/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .json().path("accessToken").asText();
        String project = api.post("/v1/projects", token, "{\"name\":\"Survivor\"}").json().path("id").asText();
        ApiClient.Response started = api.post("/v1/projects/" + project + "/runs", token,
                "{\"request\":\"A todo REST API with a static page\",\"mode\":\"autonomous\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String runId = started.json().path("id").asText();
        awaitEvent(api, token, runId, "EXECUTION_STARTED");

        // when: kill -9, then start again on the same data dir
        Process first = processes.getFirst();
        first.destroyForcibly();
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).isTrue();
        processes.remove(first);
        api = new ApiClient(startPlatform());
        token = api.post("/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .json().path("accessToken").asText();

        // then
        JsonNode run = awaitEnd(api, token, runId);
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");
        assertThat(api.get("/v1/projects/" + project + "/files/src/server.js", token).body()).contains("send(res, 201,");
    }

    private static void awaitEvent(ApiClient api, String token, String runId, String type) {
        // (a poll refused by the rate limit, 429, has no items: it is only another poll)
        await(type + " happens in run " + runId).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode event : api.get("/v1/runs/" + runId + "/events?limit=200", token).json().path("items")) {
                if (event.path("type").asText().equals(type)) {
                    return true;
                }
            }
            return false;
        });
    }

    private static JsonNode awaitEnd(ApiClient api, String token, String runId) {
        // polled as the web app does, and a 429 of the rate limit is only another poll
        return await("run " + runId + " ends").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.get("/v1/runs/" + runId, token), response -> response.status() == 200
                        && !response.json().path("status").asText().equals("running")).json();
    }
}
