package dev.samokoder.local.api;

import dev.samokoder.core.config.SamokoderConfig;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person using a running platform over its HTTP API: signs up, makes projects, runs them, reads their files.
 * Shared with the tools' tests (the demos' recordings) through this module's test-jar.
 */
public final class PlatformUser {

    private static final String PASSWORD = "correct horse battery staple";

    private final ApiClient api;
    private final String token;

    public PlatformUser(int port) {
        this.api = new ApiClient(port);
        String email = "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(api.post("/v1/auth/register", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}").status())
                .isEqualTo(201);
        this.token = api.post("/v1/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}")
                .json().path("accessToken").asText();
    }

    /** This person's access token (valid for the access token's lifetime). */
    public String accessToken() {
        return token;
    }

    /** Settings that let the tests sign up and poll quickly. */
    static Map<String, String> quickAccounts() {
        return Map.of("SAMOKODER_ARGON2_MEMORY_KIB", "1024", "SAMOKODER_ARGON2_ITERATIONS", "1",
                "SAMOKODER_RATE_LIMIT_PER_MINUTE", "60000", "SAMOKODER_RATE_LIMIT_BURST", "10000");
    }

    public static SamokoderConfig config(Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(quickAccounts());
        all.putAll(env);
        return SamokoderConfig.fromEnv(all);
    }

    public String project(String name) {
        ApiClient.Response created = api.post("/v1/projects", token, "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    public String startRun(String project, String mode, String request) {
        return startRun(project, mode, request, "new-app");
    }

    public String startRun(String project, String mode, String request, String kind) {
        ApiClient.Response started = api.post("/v1/projects/" + project + "/runs", token, dev.samokoder.core.http.Json.mapper()
                .createObjectNode().put("request", request).put("mode", mode).put("kind", kind).toString());
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().path("id").asText();
    }

    public JsonNode awaitStatus(String runId, Predicate<String> done, Duration timeout) {
        AtomicReference<JsonNode> run = new AtomicReference<>();
        await("run " + runId + " reaches the awaited status").atMost(timeout).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            run.set(api.get("/v1/runs/" + runId, token).json());
            assertThat(run.get().path("status").asText())
                    .as(() -> "status of run %s; last seen %s\n%s".formatted(runId, run.get(), timeline(runId))).matches(done);
        });
        return run.get();
    }

    public void answer(String runId, int question, String answer) {
        ApiClient.Response answered = api.post("/v1/runs/" + runId + "/questions/" + question + "/answer", token,
                "{\"answer\":\"" + answer + "\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    }

    ApiClient.Response resume(String runId) {
        return api.post("/v1/runs/" + runId + "/resume", token, "");
    }

    /** The run's events, oldest first. */
    List<JsonNode> events(String runId) {
        List<JsonNode> events = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = api.get("/v1/runs/" + runId + "/events?after=" + after + "&limit=200", token).json();
            page.path("items").forEach(events::add);
            if (page.path("items").isEmpty()) {
                return events;
            }
            after = page.path("next").asLong();
        }
    }

    /** The run's timeline as lines ("TYPE [agent]: message"), for a failing assertion to show. */
    public String timeline(String runId) {
        StringBuilder out = new StringBuilder();
        events(runId).forEach(e -> out.append(e.path("type").asText()).append(" [").append(e.path("data").path("agent").asText())
                .append("]: ").append(e.path("message").asText()).append('\n'));
        return out.toString();
    }

    /** The run's tasks as the API lists them. */
    public JsonNode tasks(String runId) {
        return api.get("/v1/runs/" + runId + "/tasks", token).json();
    }

    /** A task's judged executions as the API lists them. */
    public JsonNode executions(String runId, int task) {
        return api.get("/v1/runs/" + runId + "/tasks/" + task + "/executions", token).json();
    }

    /** Every file of the project with its content. */
    public Map<String, String> files(String project) {
        Map<String, String> files = new TreeMap<>();
        for (JsonNode file : api.get("/v1/projects/" + project + "/files", token).json().path("files")) {
            String path = file.path("path").asText();
            files.put(path, api.get("/v1/projects/" + project + "/files/" + path, token).body());
        }
        return files;
    }

    /** The project's export as the user downloads it: the zip's entries by name. */
    public Map<String, byte[]> export(String project) {
        ApiClient.Response export = api.get("/v1/projects/" + project + "/export", token);
        assertThat(export.status()).as(export.body()).isEqualTo(200);
        Map<String, byte[]> entries = new TreeMap<>();
        try {
            java.net.http.HttpResponse<byte[]> zip = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(export.json().path("url").asText())).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertThat(zip.statusCode()).isEqualTo(200);
            try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
                for (java.util.zip.ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return entries;
    }
}
