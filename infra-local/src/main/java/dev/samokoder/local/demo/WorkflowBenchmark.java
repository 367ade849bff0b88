package dev.samokoder.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.shared.config.SamokoderConfig;
import dev.samokoder.shared.domain.WorkspacePath;
import dev.samokoder.shared.http.Json;
import dev.samokoder.shared.storage.Storage;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

/**
 * {@code scripts/bench workflow}: the generation workflow on the local platform with the replay
 * model at a chosen latency, driven over the HTTP API as a user would. Prints (a) the demo's wall
 * time with instant answers, (b) wall time against the model time on the critical path at 200 ms
 * per answer, (c) ten CodeMonkey files at 300 ms per answer with MaxConcurrency 10 and 1, and
 * (d) the bytes each step sends to and receives from DynamoDB and S3 in projects of 10 and of
 * 1,000 files.
 */
public final class WorkflowBenchmark {

    private static final Path DEMO = Path.of("events", "llm", "demo-todo-api.json").toAbsolutePath();
    private static final Set<String> ENDED = Set.of("succeeded", "failed", "cancelled");
    private static final PrintStream out = System.out;

    private record Result(Duration wall, long modelCalls, JsonNode events, Map<String, Long> visits) {
    }

    private WorkflowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        out.printf("workflow benchmark: %d cores, %s MB max heap, Java %s, %s %s; local platform (embedded AWS, local engine, bubblewrap sandbox)%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Runtime.version(), System.getProperty("os.name"), System.getProperty("os.arch"));
        out.println("each run: a user over HTTP starts an autonomous run and polls it every 50 ms; times are from the POST to the status 'succeeded'");
        out.println();

        Result cold = demo(0, 1, 0, null);
        Result instant = demo(0, 1, 0, null);
        out.printf("(a) demo at 0 ms model latency: %.2f s wall for %d model calls (2 tasks, 3 sandbox executions of the app's tests,"
                        + " 1 fix iteration); the first run in this JVM (cold: class loading, JIT) took %.2f s%n",
                seconds(instant.wall()), instant.modelCalls(), seconds(cold.wall()));

        Result slow = demo(200, 1, 0, null);
        double model = slow.modelCalls() * 0.2;
        out.printf("(b) demo at 200 ms model latency: %.2f s wall; model time on the critical path %d calls x 0.2 s = %.2f s;"
                        + " wall / model = %.2f (overhead %.2f s: steps, state, sandbox)%n",
                seconds(slow.wall()), slow.modelCalls(), model, seconds(slow.wall()) / model, seconds(slow.wall()) - model);

        Duration parallel = tenFiles(10);
        Duration serial = tenFiles(1);
        out.printf("(c) 10 CodeMonkey files, 300 ms per model answer (a write and a review per file):"
                        + " MaxConcurrency 10: %.2f s, MaxConcurrency 1: %.2f s (%.1fx); from STEPS_PLANNED to CODE_WRITTEN%n",
                seconds(parallel), seconds(serial), seconds(serial) / seconds(parallel));

        IoMeter meter = new IoMeter();
        Map<String, IoMeter.Tally> small = new TreeMap<>();
        Map<String, IoMeter.Tally> large = new TreeMap<>();
        Map<String, Long> smallVisits = new TreeMap<>();
        Map<String, Long> largeVisits = new TreeMap<>();
        Result ten = demo(0, 1, 10, meter);
        small.putAll(meter.snapshot());
        smallVisits.putAll(ten.visits());
        Result thousand = demo(0, 1, 1000, meter);
        large.putAll(meter.snapshot());
        largeVisits.putAll(thousand.visits());
        out.println("(d) bytes sent to / received from DynamoDB and S3 per step visit, the demo as a change request on a project of 10 and of 1,000 files");
        out.println("    (request and response bodies at the HTTP client; a step's calls are told apart by the handler's MDC)");
        out.printf("    %-18s %-9s %6s | %12s %12s | %12s %12s%n", "step", "service", "visits", "sent @10", "recv @10", "sent @1000", "recv @1000");
        Set<String> keys = new TreeSet<>(small.keySet());
        keys.addAll(large.keySet());
        for (String key : keys) {
            String[] parts = key.split(" ");
            String step = parts[0];
            long visitsSmall = Math.max(1, smallVisits.getOrDefault(step, 1L));
            long visitsLarge = Math.max(1, largeVisits.getOrDefault(step, 1L));
            IoMeter.Tally s = small.get(key);
            IoMeter.Tally l = large.get(key);
            out.printf("    %-18s %-9s %6d | %12s %12s | %12s %12s%n", step, parts[1], visitsSmall,
                    perVisit(s == null ? 0 : s.sent.sum(), visitsSmall), perVisit(s == null ? 0 : s.received.sum(), visitsSmall),
                    perVisit(l == null ? 0 : l.sent.sum(), visitsLarge), perVisit(l == null ? 0 : l.received.sum(), visitsLarge));
        }
        out.println("    visits: how often the state ran in the 10-file run; (api) is the runs API (the start and the benchmark's polling),"
                + " (unattributed) calls on no step's or route's thread, chiefly the sandbox's snapshot download and upload");
    }

    /** Runs the demo transcript (as a change request on {@code seededFiles} files when that is above 0). */
    private static Result demo(int latencyMs, int concurrency, int seededFiles, IoMeter meter) throws Exception {
        return run(DEMO, latencyMs, concurrency, seededFiles, meter);
    }

    private static Result run(Path transcript, int latencyMs, int concurrency, int seededFiles, IoMeter meter) throws Exception {
        Path dataDir = Files.createTempDirectory("samokoder-bench-");
        Map<String, String> env = new HashMap<>();
        env.put("SAMOKODER_DATA_DIR", dataDir.resolve("data").toString());
        env.put("SAMOKODER_PORT", "0");
        env.put("SAMOKODER_STATIC_DIR", dataDir.resolve("none").toString());
        env.put("SAMOKODER_RATE_LIMIT_PER_MINUTE", "100000");
        env.put("SAMOKODER_RATE_LIMIT_BURST", "10000");
        env.put("SAMOKODER_LLM_MODEL", "replay:bench");
        env.put("SAMOKODER_LLM_REPLAY_TRANSCRIPT", transcript.toString());
        env.put("SAMOKODER_LLM_REPLAY_LATENCY_MS", Integer.toString(latencyMs));
        env.put("SAMOKODER_WORKFLOW_CODE_MONKEY_CONCURRENCY", Integer.toString(concurrency));
        List<ExecutionInterceptor> interceptors = meter == null ? List.of() : List.of(meter);
        try (LocalPlatform platform = LocalPlatform.start(SamokoderConfig.fromEnv(env), Clock.systemUTC(), interceptors)) {
            DemoClient api = new DemoClient("http://127.0.0.1:" + platform.port());
            api.signUp("bench");
            String project = api.call("POST", "/v1/projects", "{\"name\":\"bench\"}", 201).path("id").asText();
            if (seededFiles > 0) {
                seed(platform, project, seededFiles);
            }
            if (meter != null) {
                meter.reset();
            }
            Instant start = Instant.now();
            String runId = api.call("POST", "/v1/projects/" + project + "/runs", "{\"request\":\"bench\",\"mode\":\"autonomous\","
                    + "\"kind\":\"" + (seededFiles > 0 ? "change-request" : "new-app") + "\"}", 201).path("id").asText();
            JsonNode run;
            do {
                Thread.sleep(50);
                run = api.call("GET", "/v1/runs/" + runId, null, 200);
            } while (!ENDED.contains(run.path("status").asText()));
            Duration wall = Duration.between(start, Instant.now());
            if (!run.path("status").asText().equals("succeeded")) {
                throw new IllegalStateException("the benchmark's run ended " + run.path("status").asText() + ": " + run.path("failure").asText());
            }
            JsonNode events = api.call("GET", "/v1/runs/" + runId + "/events?limit=200", null, 200).path("items");
            String executionArn = platform.generationStateMachineArn().replace(":stateMachine:", ":execution:") + ":" + runId;
            return new Result(wall, run.path("cost").path("calls").asLong(), events,
                    meter == null ? Map.of() : countVisits(platform, executionArn));
        } finally {
            DemoMain.deleteTree(dataDir);
        }
    }

    /** How often each Task state ran, by its function's step name (SpecWriter → SPEC_WRITER), from the execution's history. */
    private static Map<String, Long> countVisits(LocalPlatform platform, String executionArn) {
        Map<String, Long> visits = new TreeMap<>();
        SfnClient sfn = platform.stepFunctions();
        String token = null;
        do {
            String next = token;
            var page = sfn.getExecutionHistory(r -> r.executionArn(executionArn).maxResults(1000).nextToken(next));
            for (HistoryEvent event : page.events()) {
                if (event.stateEnteredEventDetails() != null && event.typeAsString().equals("TaskStateEntered")) {
                    String name = event.stateEnteredEventDetails().name();
                    visits.merge(name.equals("WriteFile") ? "CODE_MONKEY" : snake(name), 1L, Long::sum);
                }
            }
            token = page.nextToken();
        } while (token != null);
        return visits;
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** Seeds a project with files of ~300 bytes, as the storage layer writes them. */
    private static void seed(LocalPlatform platform, String project, int count) {
        Storage storage = Storage.create(platform.clients(), platform.config(), Clock.systemUTC());
        for (int i = 0; i < count; i++) {
            String content = "'use strict';\n// module " + i + " of an existing app\nmodule.exports = function f" + i + "(x) {\n"
                    + "  return x * " + i + ";\n};\n" + "// ".repeat(60) + "\n";
            storage.files().create(project, WorkspacePath.of(String.format("lib/part%04d.js", i)),
                    storage.blobs().put(content.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** One task of ten files, each a small module; any answer fits any file, so the order of parallel calls does not matter. */
    private static Duration tenFiles(int concurrency) throws Exception {
        ObjectNode demo = (ObjectNode) Json.mapper().readTree(DEMO.toFile());
        ObjectNode responses = (ObjectNode) demo.path("responses");
        ObjectNode plan = Json.mapper().createObjectNode();
        plan.putArray("tasks").addObject().put("epic", "bench").put("title", "Ten modules").put("description", "ten small modules")
                .putArray("acceptanceTests").add("node --test passes");
        ObjectNode steps = Json.mapper().createObjectNode();
        ArrayNode stepList = steps.putArray("steps");
        ArrayNode writes = Json.mapper().createArrayNode();
        ArrayNode reviews = Json.mapper().createArrayNode();
        for (int i = 0; i < 10; i++) {
            stepList.addObject().put("kind", "SAVE_FILE").put("path", "src/m" + i + ".js").put("instructions", "export a number");
            writes.add(Json.mapper().createObjectNode().put("content", "'use strict';\nmodule.exports = " + i + ";\n")
                    .put("summary", "a module").toString());
            reviews.add("{\"approved\": true, \"problems\": []}");
        }
        responses.set("TechLead", Json.mapper().createArrayNode().add(plan.toString()));
        responses.set("Developer", Json.mapper().createArrayNode().add(steps.toString()));
        responses.set("CodeMonkey", writes);
        responses.set("CodeMonkeyReview", reviews);
        responses.remove("BugHunter");
        Path transcript = Files.createTempFile("samokoder-bench-ten-", ".json");
        try {
            Files.writeString(transcript, demo.toString());
            Result result = run(transcript, 300, concurrency, 0, null);
            Instant planned = null;
            Instant written = null;
            for (JsonNode event : result.events()) {
                if (event.path("type").asText().equals("STEPS_PLANNED") && planned == null) {
                    planned = Instant.parse(event.path("at").asText());
                }
                if (event.path("type").asText().equals("CODE_WRITTEN") && written == null) {
                    written = Instant.parse(event.path("at").asText());
                }
            }
            if (planned == null || written == null) {
                throw new IllegalStateException("the ten-file run has no STEPS_PLANNED/CODE_WRITTEN events");
            }
            return Duration.between(planned, written);
        } finally {
            Files.deleteIfExists(transcript);
        }
    }

    private static String perVisit(long bytes, long visits) {
        return String.format("%,d B", bytes / visits);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
