package dev.samokoder.tools.bench;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.http.Json;
import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.llm.replay.RecordedExchange;
import dev.samokoder.llm.replay.ReplayTranscript;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.tools.demo.DemoClient;
import dev.samokoder.tools.demo.DemoMain;
import dev.samokoder.workflow.agents.AgentRun;
import dev.samokoder.workflow.agents.CodeMonkey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * per answer, (c) ten CodeMonkey files at 300 ms per answer with MaxConcurrency 10 and 1 (a keyed
 * transcript derived from the demo's, see {@link #tenFilesTranscript}), and (d) the bytes each
 * step sends to and receives from DynamoDB and S3 in projects of 10 and of 1,000 files. Arguments
 * (any of {@code a b c d}) choose the parts; none runs them all.
 */
public final class WorkflowBenchmark {

    private static final Path DEMO = Path.of("events", "llm", "demo-todo-api.jsonl").toAbsolutePath();
    private static final Set<String> ENDED = Set.of("succeeded", "failed", "cancelled");
    private static final List<String> PARTS = List.of("a", "b", "c", "d");
    private static final PrintStream out = System.out;
    private static final Duration POLL = Duration.ofMillis(50);
    /**
     * (c) times its phase from the run's events, so its polling only has to see the run end: it polls as the web app
     * first does, once a second, and leaves the two cores to the workflow rather than to a poll every 50 ms.
     */
    private static final Duration WEB_APP_POLL = Duration.ofSeconds(1);

    /** @param firstCodeMonkey when the first WriteFile state of the CodeMonkey Map was entered, from the execution's history */
    private record Result(Duration wall, long modelCalls, JsonNode events, Map<String, Long> visits, Optional<Instant> firstCodeMonkey) {
    }

    /** The CodeMonkey phase of a ten-file run, up to CODE_WRITTEN: from STEPS_PLANNED, and from the first CodeMonkey's start. */
    private record Phase(Duration fromPlanned, Duration fromFirstStart) {
    }

    private WorkflowBenchmark() {
    }

    public static void main(String[] args) {
        Set<String> parts = new TreeSet<>(args.length == 0 ? PARTS : List.of(args));
        if (!PARTS.containsAll(parts)) {
            System.err.println("usage: scripts/bench workflow [a] [b] [c] [d] (none: all of them)");
            System.exit(2);
        }
        try {
            measure(parts);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0); // DynamoDB Local leaves a non-daemon thread behind that sleeps for minutes
    }

    private static void measure(Set<String> parts) throws Exception {
        out.printf("workflow benchmark: %d cores, %s MB max heap, Java %s, %s %s; local platform (embedded AWS, local engine, bubblewrap sandbox),"
                        + " its data %s%n",
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                Runtime.version(), System.getProperty("os.name"), System.getProperty("os.arch"),
                DATA_PARENT.map(dir -> "in memory (tmpfs " + dir + ")").orElse("in the temporary directory"));
        out.println("each run: a user over HTTP starts an autonomous run and polls it every 50 ms; times are from the POST to the status"
                + " 'succeeded' ((c): from the run's events, polled once a second as the web app does)");
        out.println();

        if (parts.contains("a")) {
            Result cold = demo(0, 1, 0, null);
            Result instant = demo(0, 1, 0, null);
            out.printf("(a) demo at 0 ms model latency: %.2f s wall for %d model calls (2 tasks, 3 sandbox executions of the app's tests,"
                            + " 1 fix iteration); the first run in this JVM (cold: class loading, JIT) took %.2f s%n",
                    seconds(instant.wall()), instant.modelCalls(), seconds(cold.wall()));
        }
        if (parts.contains("b")) {
            Result slow = demo(200, 1, 0, null);
            double model = slow.modelCalls() * 0.2;
            out.printf("(b) demo at 200 ms model latency, CodeMonkey MaxConcurrency 1: %.2f s wall; model time on the critical path"
                            + " %d calls x 0.2 s = %.2f s; wall / model = %.2f (overhead %.2f s: steps, state, sandbox)%n",
                    seconds(slow.wall()), slow.modelCalls(), model, seconds(slow.wall()) / model, seconds(slow.wall()) - model);
        }
        if (parts.contains("c")) {
            concurrency();
        }
        if (parts.contains("d")) {
            io();
        }
    }

    private static final int TEN_FILES_REPEATS = 5;
    private static final int TEN_FILES_WARM_UPS = 20;

    /**
     * (c): ten files at MaxConcurrency 10 and 1, on two platforms started once and kept (as a deployment is: warm,
     * one run after another, each in a new project), alternately {@link #TEN_FILES_REPEATS} times each after
     * {@link #TEN_FILES_WARM_UPS} warm-up runs on each; the medians and their ratio. The JIT's compiler threads share the
     * cores with the runs; what it compiles during the measured runs is printed beside the times.
     */
    private static void concurrency() throws Exception {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        IoMeter meter = new IoMeter(); // counts the requests of the first warm-up run at 10
        Path transcript = Files.createTempFile("samokoder-bench-ten-", ".jsonl");
        List<Long> warmUps = new ArrayList<>();
        List<Phase> parallel = new ArrayList<>();
        List<Phase> serial = new ArrayList<>();
        long[] compiling = new long[2];
        Map<String, Long> operations;
        try {
            Files.writeString(transcript, tenFilesTranscript());
            try (Bench ten = Bench.start(transcript, 300, 10, meter); Bench one = Bench.start(transcript, 300, 1, null)) {
                long before = jit.getTotalCompilationTime();
                tenFiles(ten, meter);
                operations = meter.operations();
                warmUps.add(jit.getTotalCompilationTime() - before);
                for (int i = 1; i < TEN_FILES_WARM_UPS; i++) {
                    before = jit.getTotalCompilationTime();
                    tenFiles(ten, null);
                    tenFiles(one, null);
                    warmUps.add(jit.getTotalCompilationTime() - before);
                }
                for (int i = 0; i < TEN_FILES_REPEATS; i++) {
                    before = jit.getTotalCompilationTime();
                    parallel.add(tenFiles(ten, null));
                    long between = jit.getTotalCompilationTime();
                    serial.add(tenFiles(one, null));
                    compiling[0] += between - before;
                    compiling[1] += jit.getTotalCompilationTime() - between;
                }
            }
        } finally {
            Files.deleteIfExists(transcript);
        }
        double p = seconds(median(parallel.stream().map(Phase::fromPlanned).toList()));
        double s = seconds(median(serial.stream().map(Phase::fromPlanned).toList()));
        double pStarted = seconds(median(parallel.stream().map(Phase::fromFirstStart).toList()));
        double sStarted = seconds(median(serial.stream().map(Phase::fromFirstStart).toList()));
        out.printf("(c) 10 CodeMonkey files, 300 ms per model answer (one write-and-submit round and one review per file),"
                        + " from STEPS_PLANNED to CODE_WRITTEN, median of %d runs each: MaxConcurrency 10: %.2f s, MaxConcurrency 1: %.2f s"
                        + " (%.1fx; the model alone: 0.60 s and 6.00 s)%n",
                TEN_FILES_REPEATS, p, s, s / p);
        out.printf("    from the first CodeMonkey's start (its state entered) to CODE_WRITTEN: %.2f s and %.2f s (%.1fx)%n",
                pStarted, sStarted, sStarted / pStarted);
        out.printf("    runs: MaxConcurrency 10: %s; MaxConcurrency 1: %s%n", list(parallel.stream().map(Phase::fromPlanned).toList()),
                list(serial.stream().map(Phase::fromPlanned).toList()));
        out.printf("    after %d warm-up runs on each platform (JIT compiling %s s in each pair); JIT compiling in the measured runs: %.1f s at 10, %.1f s at 1%n",
                warmUps.size(), String.join(", ", warmUps.stream().map(ms -> String.format("%.1f", ms / 1000.0)).toList()),
                compiling[0] / 1000.0, compiling[1] / 1000.0);
        StringBuilder calls = new StringBuilder();
        long total = 0;
        for (var entry : operations.entrySet()) {
            String[] key = entry.getKey().split(" ");
            if (key[0].equals("CODE_MONKEY")) {
                calls.append(calls.isEmpty() ? "" : ", ").append(key[2]).append(' ').append(fraction(entry.getValue() / 10.0));
                total += entry.getValue();
            }
        }
        out.printf("    requests per file (CodeMonkey and its review): %s to DynamoDB and S3: %s%n", fraction(total / 10.0), calls);
    }

    private static Duration median(List<Duration> durations) {
        return durations.stream().sorted().toList().get(durations.size() / 2);
    }

    private static String list(List<Duration> durations) {
        return String.join(", ", durations.stream().map(d -> String.format("%.2f s", seconds(d))).toList());
    }

    private static String fraction(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
    }

    /** (d): bytes per step visit on a project of 10 and of 1,000 files. */
    private static void io() throws Exception {
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
        out.println("(d) bytes sent to / received from DynamoDB and S3 per step visit, the demo run on a project that already has 10 and 1,000 files");
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

    /** Runs the demo transcript (on a project that already has {@code seededFiles} files when that is above 0). */
    private static Result demo(int latencyMs, int concurrency, int seededFiles, IoMeter meter) throws Exception {
        return run(DEMO, latencyMs, concurrency, seededFiles, meter, POLL);
    }

    private static Result run(Path transcript, int latencyMs, int concurrency, int seededFiles, IoMeter meter, Duration poll)
            throws Exception {
        // a run on seeded files renames the transcript's steps: a copy, never the recorded file
        Path used = seededFiles > 0 ? Files.copy(transcript, Files.createTempFile("samokoder-bench-", ".jsonl"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING) : transcript;
        try (Bench bench = Bench.start(used, latencyMs, concurrency, meter)) {
            return bench.run(seededFiles, meter, poll);
        } finally {
            if (!used.equals(transcript)) {
                Files.deleteIfExists(used);
            }
        }
    }

    /**
     * Where the benchmark's platforms keep their data: in memory (tmpfs) where the machine has it. Their data is thrown
     * away after each platform, and what is measured is the workflow, not the disk under DynamoDB Local's SQLite file.
     */
    private static final Optional<Path> DATA_PARENT = Optional.of(Path.of("/dev/shm")).filter(Files::isDirectory).filter(Files::isWritable);

    /** A local platform answering from a transcript, and a user of it signed in over HTTP. */
    private record Bench(LocalPlatform platform, DemoClient api, Path dataDir, Path transcript) implements AutoCloseable {

        static Bench start(Path transcript, int latencyMs, int concurrency, IoMeter meter) throws Exception {
            Path dataDir = DATA_PARENT.isPresent() ? Files.createTempDirectory(DATA_PARENT.get(), "samokoder-bench-")
                    : Files.createTempDirectory("samokoder-bench-");
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
            LocalPlatform platform = LocalPlatform.start(SamokoderConfig.fromEnv(env), Clock.systemUTC(), interceptors);
            try {
                DemoClient api = new DemoClient("http://127.0.0.1:" + platform.port());
                api.signUp("bench");
                return new Bench(platform, api, dataDir, transcript);
            } catch (Exception | Error e) {
                platform.close();
                DemoMain.deleteTree(dataDir);
                throw e;
            }
        }

        /** One run in a new project (seeded with that many files first); the meter, if any, counts from its start. */
        Result run(int seededFiles, IoMeter meter, Duration poll) throws Exception {
            String project = api.call("POST", "/v1/projects", "{\"name\":\"bench\"}", 201).path("id").asText();
            if (seededFiles > 0) {
                seed(platform, project, seededFiles);
                onTheseFiles(platform, project, transcript);
            }
            if (meter != null) {
                meter.reset();
            }
            Instant start = Instant.now();
            String runId = api.call("POST", "/v1/projects/" + project + "/runs", "{\"request\":\"bench\",\"mode\":\"autonomous\","
                    + "\"kind\":\"new-app\"}", 201).path("id").asText();
            JsonNode run;
            do {
                Thread.sleep(poll);
                run = api.call("GET", "/v1/runs/" + runId, null, 200);
            } while (!ENDED.contains(run.path("status").asText()));
            Duration wall = Duration.between(start, Instant.now());
            if (!run.path("status").asText().equals("succeeded")) {
                throw new IllegalStateException("the benchmark's run ended " + run.path("status").asText() + ": " + run.path("failure").asText());
            }
            JsonNode events = api.call("GET", "/v1/runs/" + runId + "/events?limit=200", null, 200).path("items");
            String executionArn = platform.generationStateMachineArn().replace(":stateMachine:", ":execution:") + ":" + runId;
            History history = history(platform, executionArn);
            return new Result(wall, run.path("cost").path("calls").asLong(), events, meter == null ? Map.of() : history.visits(),
                    history.firstCodeMonkey());
        }

        @Override
        public void close() {
            try {
                platform.close();
            } finally {
                DemoMain.deleteTree(dataDir);
            }
        }
    }

    /**
     * @param visits          how often each Task state ran, by its function's step name (SpecWriter → SPEC_WRITER)
     * @param firstCodeMonkey when the first WriteFile state was entered
     */
    private record History(Map<String, Long> visits, Optional<Instant> firstCodeMonkey) {
    }

    private static History history(LocalPlatform platform, String executionArn) {
        Map<String, Long> visits = new TreeMap<>();
        Instant firstCodeMonkey = null;
        SfnClient sfn = platform.stepFunctions();
        String token = null;
        do {
            String next = token;
            var page = sfn.getExecutionHistory(r -> r.executionArn(executionArn).maxResults(1000).nextToken(next));
            for (HistoryEvent event : page.events()) {
                if (event.stateEnteredEventDetails() != null && event.typeAsString().equals("TaskStateEntered")) {
                    String name = event.stateEnteredEventDetails().name();
                    visits.merge(name.equals("WriteFile") ? "CODE_MONKEY" : snake(name), 1L, Long::sum);
                    if (name.equals("WriteFile") && (firstCodeMonkey == null || event.timestamp().isBefore(firstCodeMonkey))) {
                        firstCodeMonkey = event.timestamp();
                    }
                }
            }
            token = page.nextToken();
        } while (token != null);
        return new History(visits, Optional.ofNullable(firstCodeMonkey));
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /**
     * A run that starts from files names its steps after them ({@code on 3fa9c2d1 · …}, AgentRun.stepName): the
     * transcript's steps are renamed so, for the files the project has now (the platform reads the transcript at its
     * first replayed call, after this).
     */
    private static void onTheseFiles(LocalPlatform platform, String project, Path transcript) throws IOException {
        String baseline = platform.wiring().workspaceSnapshots().take(project);
        StringBuilder renamed = new StringBuilder();
        for (String line : Files.readAllLines(transcript)) {
            if (line.isBlank()) {
                continue;
            }
            ObjectNode exchange = (ObjectNode) Json.mapper().readTree(line);
            String step = exchange.path("step").asText();
            if (!step.equals("call")) { // a call that names no exchange is not an agent step's
                exchange.put("step", AgentRun.stepName(baseline, step));
            }
            renamed.append(Json.mapper().writeValueAsString(exchange)).append('\n');
        }
        Files.writeString(transcript, renamed.toString());
    }

    /** Seeds a project with files of ~300 bytes, as the storage layer writes them. */
    private static void seed(LocalPlatform platform, String project, int count) {
        Storage storage = platform.wiring().storage();
        for (int i = 0; i < count; i++) {
            String content = "'use strict';\n// module " + i + " of an existing app\nmodule.exports = function f" + i + "(x) {\n"
                    + "  return x * " + i + ";\n};\n" + "// ".repeat(60) + "\n";
            storage.files().create(project, WorkspacePath.of(String.format("lib/part%04d.js", i)),
                    storage.blobs().put(content.getBytes(StandardCharsets.UTF_8)));
        }
    }

    /**
     * One task of ten files, each written in one round (write_file and submit) and approved by its
     * review: a keyed transcript derived from the demo's. SpecWriter, Architect and TechnicalWriter
     * answer as in the demo; TechLead plans one task, the Developer submits ten SAVE_FILE steps in its
     * first round, and each file's CodeMonkey step and review answer as the demo's package.json did.
     * Answers are keyed by step, so the order the parallel CodeMonkeys run in does not matter.
     */
    private static Phase tenFiles(Bench bench, IoMeter meter) throws Exception {
        Result result = bench.run(0, meter, WEB_APP_POLL);
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
        if (planned == null || written == null || result.firstCodeMonkey().isEmpty()) {
            throw new IllegalStateException("the ten-file run has no STEPS_PLANNED/CODE_WRITTEN events or no CodeMonkey state");
        }
        return new Phase(Duration.between(planned, written), Duration.between(result.firstCodeMonkey().get(), written));
    }

    /** The ten files: the demo's package.json (its test script is node --test), a server, seven modules and a test of them. */
    static final List<String> TEN_FILES = List.of("package.json", "src/server.js", "src/m1.js", "src/m2.js", "src/m3.js", "src/m4.js",
            "src/m5.js", "src/m6.js", "src/m7.js", "test/modules.test.js");

    static String tenFilesTranscript() throws IOException {
        ReplayTranscript demo = ReplayTranscript.load(DEMO);
        RecordedExchange spec = demo("SpecWriter", "spec", 1, demo);
        RecordedExchange architecture = demo("Architect", "architecture", 1, demo);
        RecordedExchange plan = demo("TechLead", "plan", 1, demo);
        RecordedExchange steps = demo("Developer", "task 1 · round 1", 2, demo);
        RecordedExchange write = demo(CodeMonkey.AGENT, "task 1 · step 1 · package.json", 1, demo);
        RecordedExchange review = demo(CodeMonkey.REVIEW_AGENT, "task 1 · step 1 · package.json · review 1", 1, demo);

        List<RecordedExchange> exchanges = new ArrayList<>();
        exchanges.add(spec);
        exchanges.add(architecture);
        ObjectNode task = Json.mapper().createObjectNode().put("epic", "bench").put("title", "Ten files")
                .put("description", "An npm project of a server, seven small modules and a test of them.");
        task.putArray("acceptanceTests").add("npm test passes");
        ObjectNode tasks = Json.mapper().createObjectNode();
        tasks.putArray("tasks").add(task);
        exchanges.add(answer(plan, plan.exchange(), submit(plan, tasks)));
        ObjectNode planned = Json.mapper().createObjectNode();
        ArrayNode stepList = planned.putArray("steps");
        for (String path : TEN_FILES) {
            stepList.addObject().put("kind", "SAVE_FILE").put("path", path).put("instructions", "write " + path);
        }
        exchanges.add(answer(steps, new Exchange("task 1 · round 1", 1), submit(steps, planned)));
        for (int i = 0; i < TEN_FILES.size(); i++) {
            String path = TEN_FILES.get(i);
            String step = "task 1 · step " + (i + 1) + " · " + path;
            ObjectNode file = Json.mapper().createObjectNode().put("path", path).put("content", content(path, write));
            ObjectNode summary = Json.mapper().createObjectNode().put("summary", path + " of the benchmark");
            exchanges.add(new RecordedExchange(CodeMonkey.AGENT, new Exchange(step, 1), "",
                    List.of(new ToolCall("call_1_1", "write_file", file.toString()), new ToolCall("call_1_2", "submit", summary.toString())),
                    write.usage(), false));
            exchanges.add(answer(review, new Exchange(step + " · review 1", 1), review.toolCalls()));
        }
        for (int round = 1; demo.answer("TechnicalWriter", new Exchange("readme", round)).isPresent(); round++) {
            exchanges.add(demo("TechnicalWriter", "readme", round, demo));
        }
        StringBuilder lines = new StringBuilder();
        exchanges.forEach(exchange -> lines.append(ReplayTranscript.line(exchange)).append('\n'));
        return lines.toString();
    }

    private static RecordedExchange demo(String agent, String step, int round, ReplayTranscript demo) {
        return demo.answer(agent, new Exchange(step, round))
                .orElseThrow(() -> new IllegalStateException(DEMO + " has no exchange " + agent + " · " + step + " · round " + round));
    }

    private static List<ToolCall> submit(RecordedExchange like, ObjectNode arguments) {
        return List.of(new ToolCall(like.toolCalls().getLast().id(), "submit", arguments.toString()));
    }

    private static RecordedExchange answer(RecordedExchange like, Exchange exchange, List<ToolCall> calls) {
        return new RecordedExchange(like.agent(), exchange, "", calls, like.usage(), false);
    }

    private static String content(String path, RecordedExchange demoManifest) throws IOException {
        if (path.equals("package.json")) {
            return Json.mapper().readTree(demoManifest.toolCalls().getFirst().arguments()).path("content").asText();
        }
        if (path.equals("src/server.js")) {
            return "'use strict';\nconst http = require('node:http');\n\nfunction createServer() {\n"
                    + "  return http.createServer((req, res) => res.end('ok'));\n}\n\nmodule.exports = { createServer };\n";
        }
        if (path.startsWith("test/")) {
            StringBuilder test = new StringBuilder("'use strict';\nconst test = require('node:test');\nconst assert = require('node:assert');\n\n");
            for (int i = 1; i <= 7; i++) {
                test.append("test('m").append(i).append("', () => assert.strictEqual(require('../src/m").append(i).append("')(2), ")
                        .append(2 * i).append("));\n");
            }
            return test.toString();
        }
        String n = path.replaceAll("\\D", "");
        return "'use strict';\n\nmodule.exports = function m" + n + "(x) {\n  return x * " + n + ";\n};\n";
    }

    private static String perVisit(long bytes, long visits) {
        return String.format("%,d B", bytes / visits);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
