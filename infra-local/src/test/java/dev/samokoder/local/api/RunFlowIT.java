package dev.samokoder.local.api;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.services.webhooks.WebhookSignatures;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Generation runs end to end over HTTP: the local platform with the real state machine, the real
 * agents answered by the replay provider from the demo's transcript, and the Executor in the
 * bubblewrap sandbox running the generated app's own tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunFlowIT {

    private static final String PASSWORD = "correct horse battery staple";
    private static final Path DEMO_TRANSCRIPT = Path.of("..", "events", "llm", "demo-todo-api.jsonl");
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);

    private LocalPlatform platform;
    private ApiClient api;
    private String token;

    @BeforeAll
    void start(@TempDir Path dataDir) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("SAMOKODER_DATA_DIR", dataDir.resolve("data").toString());
        env.put("SAMOKODER_PORT", "0");
        env.put("SAMOKODER_STATIC_DIR", dataDir.resolve("no-web-app").toString());
        env.put("SAMOKODER_ARGON2_MEMORY_KIB", "1024");
        env.put("SAMOKODER_ARGON2_ITERATIONS", "1");
        env.put("SAMOKODER_RATE_LIMIT_PER_MINUTE", "60000");
        env.put("SAMOKODER_RATE_LIMIT_BURST", "10000");
        env.put("SAMOKODER_API_KEY_RATE_LIMIT_PER_MINUTE", "60000"); // the tests poll runs with a key too
        env.put("SAMOKODER_API_KEY_RATE_LIMIT_BURST", "10000");
        env.put("SAMOKODER_LLM_MODEL", "replay:demo");
        env.put("SAMOKODER_LLM_REPLAY_TRANSCRIPT", DEMO_TRANSCRIPT.toString());
        // replayed answers priced like an expensive model, so that a project budget of a few dollars pauses a run
        Path prices = dataDir.resolve("prices.json");
        Files.writeString(prices, "{\"models\": {\"replay:*\": {\"inputPerMillion\": 100, \"cachedInputPerMillion\": 10, "
                + "\"outputPerMillion\": 1000, \"contextWindow\": 1000000, \"maxOutputTokens\": 2000}}}");
        env.put("SAMOKODER_LLM_PRICE_TABLE", prices.toString());
        env.put("SAMOKODER_LLM_USER_MONTHLY_BUDGET_USD", "100000");
        platform = LocalPlatform.start(SamokoderConfig.fromEnv(env), Clock.systemUTC());
        api = new ApiClient(platform.port());
        String email = "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(api.post("/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").status())
                .isEqualTo(201);
        token = api.post("/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .json().path("accessToken").asText();
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void anAutonomousRunBuildsTheDemoAppAndTheFixLoopRepairsItsFailingTest() {
        String project = project("Todos");

        JsonNode started = startRun(project, "autonomous");
        JsonNode run = awaitStatus(started.path("id").asText(), status -> !status.equals("running"));

        assertThat(run.path("status").asText()).as("%s\n%s", run, timeline(run.path("id").asText())).isEqualTo("succeeded");
        assertThat(run.path("progress").path("tasksDone").asInt()).isEqualTo(2);
        assertThat(run.path("cost").path("replayed").asBoolean()).isTrue();
        // the run's summary, in the API and on its last event, says the answers were replayed
        assertThat(run.path("cost").path("summary").asText()).endsWith("responses were replayed from a recorded transcript");
        assertThat(timeline(run.path("id").asText())).containsPattern("RUN_SUCCEEDED: the app is built: .*responses were replayed");
        List<String> types = eventTypes(run.path("id").asText());
        // task 1: the first execution fails (POST answers 200), BugHunter plans the fix, the second passes
        assertThat(types).containsSubsequence("EXECUTION_FAILED", "FIX_PLANNED", "EXECUTION_PASSED", "TASK_DONE",
                "EXECUTION_PASSED", "TASK_DONE", "RUN_SUCCEEDED");
        assertThat(files(project)).containsExactlyInAnyOrder("README.md", "package.json", "package-lock.json", "public/index.html",
                "src/server.js", "src/store.js", "test/api.test.js", "test/page.test.js");
        assertThat(api.get("/v1/projects/" + project + "/files/src/server.js", token).body()).contains("send(res, 201,");
        assertPlanExecutionsAndDiff(run.path("id").asText(), project);
        // the month's usage counts the run and its three sandbox executions' time
        JsonNode usage = projectUsage(project);
        assertThat(usage.path("runs").asLong()).as("%s", usage).isEqualTo(1);
        assertThat(usage.path("llmCalls").asLong()).as("%s", usage).isPositive();
        assertThat(usage.path("sandboxSeconds").asLong()).as("%s", usage).isGreaterThanOrEqualTo(3);
        // the project's lock is released: another run may start
        assertThat(api.get("/v1/projects/" + project + "/runs", token).json().path("items").get(0).path("id").asText())
                .isEqualTo(run.path("id").asText());
    }

    @Test
    void anInteractiveRunWaitsForTheAnswerAndContinuesAfterIt() {
        String project = project("Asked");
        String runId = startRun(project, "interactive").path("id").asText();

        JsonNode waiting = awaitStatus(runId, status -> !status.equals("running"));
        assertThat(waiting.path("status").asText()).isEqualTo("waiting-for-answer");
        JsonNode questions = api.get("/v1/runs/" + runId + "/questions", token).json().path("items");
        assertThat(questions).hasSize(1);
        assertThat(questions.get(0).path("text").asText()).contains("restart");
        // a second run of the project is refused while this one waits
        assertThat(api.post("/v1/projects/" + project + "/runs", token, "{\"request\":\"again\"}").status()).isEqualTo(409);

        ApiClient.Response answered = api.post("/v1/runs/" + runId + "/questions/1/answer", token, "{\"answer\":\"No, memory is fine\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);

        JsonNode run = awaitStatus(runId, status -> !status.equals("running") && !status.equals("waiting-for-answer"));
        assertThat(run.path("status").asText()).as("%s\n%s", run, timeline(run.path("id").asText())).isEqualTo("succeeded");
        assertThat(eventTypes(runId)).containsSubsequence("WAITING_FOR_ANSWERS", "QUESTION_ANSWERED", "SPEC_WRITTEN", "RUN_SUCCEEDED");
        assertThat(api.post("/v1/runs/" + runId + "/questions/1/answer", token, "{\"answer\":\"again\"}").status()).isEqualTo(409);
    }

    @Test
    void aCancelInTheMiddleLeavesTheFilesOfTheLastCompletedTask() {
        String project = project("Cancelled");
        String runId = startRun(project, "autonomous").path("id").asText();

        // while task 2's tests run in the sandbox, the user cancels
        await("task 2's execution starts").atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> executionsStarted(runId) >= 3);
        ApiClient.Response cancel = api.post("/v1/runs/" + runId + "/cancel", token, "");
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);

        JsonNode run = awaitStatus(runId, status -> !status.equals("running"));
        assertThat(run.path("status").asText()).as("%s\n%s", run, timeline(runId)).isEqualTo("cancelled");
        // task 1 was complete: its files stay; task 2's page and test are gone
        assertThat(files(project)).containsExactlyInAnyOrder("package.json", "package-lock.json", "src/server.js", "src/store.js",
                "test/api.test.js");
        assertThat(api.post("/v1/runs/" + runId + "/resume", token, "").status()).isEqualTo(409);
    }

    @Test
    void aRunPausedByItsProjectBudgetResumesOnceTheBudgetIsRaised() {
        ApiClient.Response created = api.post("/v1/projects", token, "{\"name\":\"Thrifty\",\"settings\":{\"budgetUsd\":3}}");
        String project = created.json().path("id").asText();
        String runId = startRun(project, "autonomous").path("id").asText();

        JsonNode paused = awaitStatus(runId, status -> !status.equals("running"));
        assertThat(paused.path("status").asText()).as("%s\n%s", paused, timeline(runId)).isEqualTo("paused-budget");
        assertThat(paused.path("failure").asText()).startsWith("budget reached: the project budget of $3")
                .endsWith("raise it to continue");
        assertThat(eventTypes(runId)).contains("PAUSED_FOR_BUDGET");
        // resuming without more budget is refused, and says what to do
        ApiClient.Response early = api.post("/v1/runs/" + runId + "/resume", token, "");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().path("detail").asText()).contains("raise the budget");

        long version = api.get("/v1/projects/" + project, token).json().path("version").asLong();
        assertThat(api.patch("/v1/projects/" + project, token, "{\"version\":" + version + ",\"settings\":{\"budgetUsd\":1000}}").status())
                .isEqualTo(200);
        ApiClient.Response resumed = api.post("/v1/runs/" + runId + "/resume", token, "");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(202);

        JsonNode run = awaitStatus(runId, status -> !status.equals("running"));
        assertThat(run.path("status").asText()).as("%s\n%s", run, timeline(runId)).isEqualTo("succeeded");
        assertThat(eventTypes(runId)).containsSubsequence("PAUSED_FOR_BUDGET", "RESUMED", "RUN_SUCCEEDED");
        assertThat(run.path("cost").path("totalUsd").decimalValue()).isPositive();
    }

    @Test
    void aProgramStartsAndFollowsARunWithItsApiKey() {
        String key = api.post("/v1/api-keys", token, "{\"name\":\"ci\",\"scopes\":[\"projects:read\",\"projects:write\",\"runs:write\"]}")
                .json().path("key").asText();
        String project = api.post("/v1/projects", key, "{\"name\":\"By a program\"}").json().path("id").asText();

        ApiClient.Response started = api.post("/v1/projects/" + project + "/runs", key,
                "{\"request\":\"A todo REST API with a static page\",\"mode\":\"autonomous\"}");

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String runId = started.json().path("id").asText();
        JsonNode run = await("run " + runId + " ends, followed with the key").atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/v1/runs/" + runId, key).json(), seen -> !seen.path("status").asText().equals("running"));
        assertThat(run.path("status").asText()).as("%s\n%s", run, timeline(runId)).isEqualTo("succeeded");
        // a key without runs:write may read runs, not start them
        String reader = api.post("/v1/api-keys", token, "{\"name\":\"reader\",\"scopes\":[\"projects:read\"]}").json().path("key").asText();
        assertThat(api.get("/v1/runs/" + runId, reader).status()).isEqualTo(200);
        assertThat(api.post("/v1/runs/" + runId + "/resume", reader, "").status()).isEqualTo(403);
    }

    @Test
    void aSignedWebhookDeliveryStartsAChangeRequestRunThatFinishes() {
        // a program's delivery runs in the project's mode: autonomous here (an interactive project would wait for answers)
        String project = api.post("/v1/projects", token, "{\"name\":\"Hooked\",\"settings\":{\"autonomy\":\"autonomous\"}}")
                .json().path("id").asText();
        JsonNode hook = api.post("/v1/projects/" + project + "/webhooks", token, "{\"source\":\"generic\"}").json();
        byte[] body = "{\"request\":\"A todo REST API with a static page, tested with node:test\"}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignatures.sign(hook.path("secret").asText(), Instant.now(), body);

        ApiClient.Response delivered = api.send(api.builder(hook.path("url").asText(), null)
                .header("Content-Type", "application/json")
                .header(WebhookSignatures.SAMOKODER_HEADER, signature)
                .header("Samokoder-Delivery", "delivery-" + UUID.randomUUID())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(202);

        // the queue consumer starts the run with the runs API's own service
        String runId = await("the delivery starts a run").atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode deliveries = api.get("/v1/projects/" + project + "/webhooks/" + hook.path("id").asText() + "/deliveries", token)
                    .json().path("items");
            return deliveries.isEmpty() ? "" : deliveries.get(0).path("runId").asText("");
        }, id -> !id.isEmpty());
        JsonNode run = awaitStatus(runId, status -> !status.equals("running"));
        assertThat(run.path("kind").asText()).isEqualTo("change-request");
        assertThat(run.path("status").asText()).as("%s\n%s", run, timeline(runId)).isEqualTo("succeeded");
    }

    /** The plan, task 1's executions (the failed one first) and what task 1 changed, as the web app reads them. */
    /** This month's usage row of one project, as GET /v1/usage answers it. */
    private JsonNode projectUsage(String project) {
        ApiClient.Response usage = api.get("/v1/usage", token);
        assertThat(usage.status()).as(usage.body()).isEqualTo(200);
        for (JsonNode row : usage.json().path("projects")) {
            if (row.path("projectId").asText().equals(project)) {
                return row;
            }
        }
        throw new AssertionError("no usage row for project " + project + ": " + usage.body());
    }

    private void assertPlanExecutionsAndDiff(String runId, String project) {
        JsonNode tasks = api.get("/v1/runs/" + runId + "/tasks", token).json().path("items");
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0).path("title").asText()).isEqualTo("Todo store and REST API");
        assertThat(tasks.get(0).path("status").asText()).isEqualTo("done");
        assertThat(tasks.get(1).path("status").asText()).isEqualTo("done");

        JsonNode executions = api.get("/v1/runs/" + runId + "/tasks/1/executions", token).json().path("items");
        assertThat(executions).hasSize(2);
        assertThat(executions.get(0).path("passed").asBoolean()).isFalse();
        assertThat(executions.get(0).path("failure").asText()).isEqualTo("tests");
        assertThat(executions.get(0).path("output").asText()).isNotBlank();
        assertThat(executions.get(1).path("passed").asBoolean()).isTrue();
        assertThat(api.get("/v1/runs/" + runId + "/tasks/3/executions", token).status()).isEqualTo(404);

        String baseline = null;
        String afterTask1 = null;
        for (JsonNode event : api.get("/v1/runs/" + runId + "/events?limit=200", token).json().path("items")) {
            if (event.path("type").asText().equals("RUN_STARTED")) {
                baseline = event.path("data").path("snapshot").asText();
            } else if (event.path("type").asText().equals("TASK_DONE") && event.path("data").path("task").asText().equals("1")) {
                afterTask1 = event.path("data").path("snapshot").asText();
            }
        }
        assertThat(baseline).startsWith("snapshots/" + project + "/");
        assertThat(afterTask1).startsWith("snapshots/" + project + "/");
        String query = "from=" + URLEncoder.encode(baseline, StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(afterTask1, StandardCharsets.UTF_8);
        JsonNode diff = api.get("/v1/projects/" + project + "/diff?" + query, token).json();
        List<String> added = new ArrayList<>();
        diff.path("files").forEach(file -> {
            assertThat(file.path("change").asText()).as(file.toString()).isEqualTo("added");
            added.add(file.path("path").asText());
        });
        assertThat(added).contains("src/server.js", "src/store.js", "test/api.test.js");
        JsonNode server = api.get("/v1/projects/" + project + "/diff?" + query + "&path=src%2Fserver.js", token).json();
        assertThat(server.path("after").asText()).contains("createServer");
        assertThat(server.has("before")).isFalse();
        assertThat(api.get("/v1/projects/" + project + "/diff?" + query + "&path=nope.js", token).status()).isEqualTo(404);
    }

    private long executionsStarted(String runId) {
        return eventTypes(runId).stream().filter("EXECUTION_STARTED"::equals).count();
    }

    private String project(String name) {
        ApiClient.Response created = api.post("/v1/projects", token, "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private JsonNode startRun(String project, String mode) {
        ApiClient.Response started = api.post("/v1/projects/" + project + "/runs", token,
                "{\"request\":\"A todo REST API with a static page, tested with node:test\",\"mode\":\"" + mode + "\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json();
    }

    private JsonNode awaitStatus(String runId, Predicate<String> done) {
        AtomicReference<JsonNode> run = new AtomicReference<>();
        await("run " + runId + " reaches the awaited status").atMost(RUN_TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            run.set(api.get("/v1/runs/" + runId, token).json());
            assertThat(run.get().path("status").asText())
                    .as(() -> "status of run %s; last seen %s, events %s".formatted(runId, run.get(), eventTypes(runId))).matches(done);
        });
        return run.get();
    }

    private List<String> eventTypes(String runId) {
        List<String> types = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = api.get("/v1/runs/" + runId + "/events?after=" + after + "&limit=200", token).json();
            page.path("items").forEach(event -> types.add(event.path("type").asText()));
            if (page.path("items").size() < 200) {
                return types;
            }
            after = page.path("next").asLong();
        }
    }

    /** The run's events as "TYPE: message" lines, for failure messages that explain themselves. */
    private String timeline(String runId) {
        StringBuilder lines = new StringBuilder();
        api.get("/v1/runs/" + runId + "/events?limit=200", token).json().path("items")
                .forEach(event -> lines.append(event.path("type").asText()).append(": ").append(event.path("message").asText()).append('\n'));
        return lines.toString();
    }

    private Set<String> files(String project) {
        Set<String> paths = new TreeSet<>();
        api.get("/v1/projects/" + project + "/files", token).json().path("files").forEach(file -> paths.add(file.path("path").asText()));
        return paths;
    }
}
