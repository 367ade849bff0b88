package dev.samokoder.tools.bench;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.http.Json;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.tools.demo.DemoMain;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code scripts/bench api}: the HTTP API of the local platform, driven over HTTP as clients would,
 * with the functions logging as on Lambda (JSON lines, into a file: {@code logback-bench-api.xml}).
 * <ul>
 * <li>(floor) DynamoDB Local's own rate: one client's GetItem and conditional PutItem, median and p95, and
 * what 50 threads get per second, through the same SDK client the functions use.</li>
 * <li>(one) one signed-in client's warm {@code GET /v1/projects} (three projects), median and p95.</li>
 * <li>(many) 50 clients, one user each, each sending its next request when the last is answered, over one
 * connection pool, for {@link #MEASURED} after {@link #WARMUP}: requests/s, median and p95, the answers by status.</li>
 * <li>(limits) the same 50 clients on a platform with the default rate limits.</li>
 * <li>(cold) each Lambda handler in a fresh JVM ({@link ColdStart}): time from starting the process to the first answer.</li>
 * </ul>
 * Parts one and many raise the rate limits out of the way. Arguments ({@code floor one many limits cold})
 * choose parts; none runs them all. Platform and clients share this JVM and the machine's cores. Figures
 * only; nothing here passes or fails.
 */
public final class ApiBenchmark {

    private static final List<String> PARTS = List.of("floor", "one", "many", "limits", "cold");
    private static final PrintStream out = System.out;
    private static final int CLIENTS = 50;
    private static final Duration WARMUP = Duration.ofSeconds(20);
    private static final Duration MEASURED = Duration.ofSeconds(20);
    private static final int ONE_CLIENT_WARMUP = 8_000;
    private static final int ONE_CLIENT_REQUESTS = 3_000;
    private static final String PASSWORD = "bench password, not secret";

    private ApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> parts = new TreeSet<>(args.length == 0 ? PARTS : List.of(args));
        if (!PARTS.containsAll(parts)) {
            System.err.println("usage: scripts/bench api [floor] [one] [many] [limits] [cold] (none: all of them)");
            System.exit(2);
        }
        out.printf("API benchmark on %d cores, %s %s, max heap %d MiB, %s %s; platform and clients in this one JVM%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20,
                System.getProperty("os.name"), System.getProperty("os.arch"));
        if (parts.contains("floor") || parts.contains("one") || parts.contains("many") || parts.contains("cold")) {
            try (Bench bench = Bench.start(true)) {
                if (parts.contains("floor")) {
                    floor(bench.platform());
                }
                if (parts.contains("one")) {
                    oneClient(bench);
                }
                if (parts.contains("many")) {
                    manyClients(bench, "rate limits raised");
                }
                if (parts.contains("cold")) {
                    coldStarts(bench);
                }
            }
        }
        if (parts.contains("limits")) {
            try (Bench bench = Bench.start(false)) {
                manyClients(bench, "default rate limits");
            }
        }
        System.exit(0);
    }

    /** DynamoDB Local's own rate, through the functions' SDK client: the floor under any request that reads or writes. */
    private static void floor(LocalPlatform platform) throws Exception {
        DynamoDbClient dynamo = platform.clients().dynamoDb();
        String table = platform.config().aws().tableName();
        var key = Keys.rateBucket("bench#floor");
        Map<String, AttributeValue> item = new HashMap<>(key.toAttributes());
        item.put("n", AttributeValue.fromN("0"));
        dynamo.putItem(r -> r.tableName(table).item(item));
        Runnable get = () -> dynamo.getItem(r -> r.tableName(table).key(key.toAttributes()));
        AtomicLong version = new AtomicLong();
        Runnable put = () -> {
            long v = version.getAndIncrement();
            Map<String, AttributeValue> next = new HashMap<>(item);
            next.put("n", AttributeValue.fromN(Long.toString(v + 1)));
            dynamo.putItem(r -> r.tableName(table).item(next).conditionExpression("n = :v")
                    .expressionAttributeValues(Map.of(":v", AttributeValue.fromN(Long.toString(v)))));
        };
        // a query of one partition holding three items of a listed project's size, as GET /v1/projects makes
        String partition = "BENCH#floor";
        for (int i = 0; i < 3; i++) {
            Map<String, AttributeValue> listed = new HashMap<>(new dev.samokoder.core.storage.Key(partition, "OWNS#" + i).toAttributes());
            listed.put("name", AttributeValue.fromS("a project of the benchmark " + i));
            listed.put("description", AttributeValue.fromS("x".repeat(200)));
            dynamo.putItem(r -> r.tableName(table).item(listed));
        }
        Runnable query = () -> dynamo.query(r -> r.tableName(table).consistentRead(true).scanIndexForward(false).limit(20)
                .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(partition))));
        for (int i = 0; i < 2_000; i++) {
            get.run();
            put.run();
            query.run();
        }
        out.println();
        out.println("(floor) DynamoDB Local, one client, 2,000 calls each after 2,000 of each to warm up:");
        out.printf("  GetItem:                   %s%n", Latencies.of(timeEach(get, 2_000)));
        out.printf("  PutItem with a condition:  %s%n", Latencies.of(timeEach(put, 2_000)));
        out.printf("  Query of three items:      %s%n", Latencies.of(timeEach(query, 2_000)));
        out.printf("  GetItem, 50 threads:       %.0f calls/s%n", rate(get, CLIENTS, Duration.ofSeconds(5)));
    }

    private static long[] timeEach(Runnable call, int count) {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            call.run();
            nanos[i] = System.nanoTime() - start;
        }
        return nanos;
    }

    private static double rate(Runnable call, int threads, Duration duration) throws InterruptedException {
        LongAdder calls = new LongAdder();
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < end) {
                    call.run();
                    calls.increment();
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return calls.sum() / (duration.toNanos() / 1e9);
    }

    private static void oneClient(Bench bench) throws Exception {
        Client client = bench.signUp();
        for (int i = 0; i < 3; i++) {
            client.send("POST", "/v1/projects", "{\"name\":\"bench " + i + "\"}", 201);
        }
        for (int i = 0; i < ONE_CLIENT_WARMUP; i++) {
            client.send("GET", "/v1/projects", null, 200);
        }
        long[] nanos = new long[ONE_CLIENT_REQUESTS];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            client.send("GET", "/v1/projects", null, 200);
            nanos[i] = System.nanoTime() - start;
        }
        out.println();
        out.printf("(one) one client, warm GET /v1/projects (3 projects), %,d requests after %,d to warm up:%n",
                ONE_CLIENT_REQUESTS, ONE_CLIENT_WARMUP);
        out.printf("  %s%n", Latencies.of(nanos));
    }

    private static void manyClients(Bench bench, String limits) throws Exception {
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Client client = bench.signUp();
            client.send("POST", "/v1/projects", "{\"name\":\"bench\"}", 201);
            clients.add(client);
        }
        Load warm = load(clients, WARMUP);
        Load load = load(clients, MEASURED);
        out.println();
        out.printf("(%s) %d clients, one user each, GET /v1/projects back to back, %s: %d s measured after %d s to warm up:%n",
                limits.equals("rate limits raised") ? "many" : "limits", CLIENTS, limits, MEASURED.toSeconds(), WARMUP.toSeconds());
        out.printf("  %.0f requests/s answered 200; all answers: %s%n", load.ok() / (MEASURED.toNanos() / 1e9), load.statuses());
        out.printf("  200s: %s%n", Latencies.of(load.okNanos()));
        if (warm.ok() == 0) {
            out.println("  (no request was answered 200 while warming up)");
        }
    }

    private record Load(long ok, long[] okNanos, Map<Integer, Long> statuses) {
    }

    private static Load load(List<Client> clients, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
        List<long[]> perClient = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients.size());
        for (Client client : clients) {
            long[] nanos = new long[200_000];
            int[] count = new int[1];
            perClient.add(nanos);
            counts.add(count);
            Thread.ofPlatform().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        int status = client.status("GET", "/v1/projects");
                        long took = System.nanoTime() - start;
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                        if (status == 200 && count[0] < nanos.length) {
                            nanos[count[0]++] = took;
                        }
                        if (status == 429) {
                            Thread.sleep(client.retryAfterMillis());
                        }
                    }
                } catch (Exception e) {
                    statuses.computeIfAbsent(-1, s -> new LongAdder()).increment();
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        long ok = 0;
        for (int[] count : counts) {
            ok += count[0];
        }
        long[] all = new long[(int) ok];
        int at = 0;
        for (int i = 0; i < perClient.size(); i++) {
            System.arraycopy(perClient.get(i), 0, all, at, counts.get(i)[0]);
            at += counts.get(i)[0];
        }
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
        return new Load(ok, all, byStatus);
    }

    /** A Lambda handler, the function jar it ships in, and the kind of event {@link ColdStart} hands it. */
    private record Handler(String name, String jarModule, String handlerClass, String event, Map<String, String> env) {
    }

    private static final List<Handler> HANDLERS = List.of(
            new Handler("samokoder-api", "functions/api", "dev.samokoder.api.ApiHandler", "api", Map.of()),
            new Handler("samokoder-webhook-consumer", "functions/api", "dev.samokoder.api.webhooks.WebhookConsumerHandler", "queue", Map.of()),
            new Handler("samokoder-notification-sender", "functions/api", "dev.samokoder.api.webhooks.NotificationSenderHandler", "queue",
                    Map.of()),
            new Handler("agent step (Route)", "functions/agents", "dev.samokoder.agents.StepHandler", "step", Map.of("SAMOKODER_STEP", "ROUTE")),
            new Handler("samokoder-reaper", "functions/runner", "dev.samokoder.runner.ReaperHandler", "reaper", Map.of()));
    private static final int COLD_STARTS_EACH = 3;
    /** The JVM options the CDK gives every function (PlatformFunction.JAVA_TOOL_OPTIONS): C1 only. */
    private static final List<String> LAMBDA_JVM_OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");

    /**
     * Each handler's cold start: a fresh JVM with the function's Lambda jar (and {@link ColdStart}), the
     * environment a function gets pointed at this platform, the JVM options the CDK sets; the time from
     * starting the process to the handler's first answer, the median of three. Without SnapStart, which
     * on AWS restores an initialized snapshot instead.
     */
    private static void coldStarts(Bench bench) throws Exception {
        Client client = bench.signUp();
        try (var ecs = EmptyEcs.start()) {
            out.println();
            out.printf("(cold) each handler in a fresh JVM (%s, its Lambda jar), process start to first answer, median of %d:%n",
                    String.join(" ", LAMBDA_JVM_OPTIONS), COLD_STARTS_EACH);
            out.printf("  %-32s %9s %12s %12s %12s  %s%n", "handler", "total", "JVM to main", "constructor", "first call", "answer");
            for (Handler handler : HANDLERS) {
                List<long[]> runs = new ArrayList<>();
                String answer = "";
                for (int i = 0; i < COLD_STARTS_EACH; i++) {
                    ColdRun run = coldStart(bench, handler, client.token, ecs.url());
                    runs.add(run.millis());
                    answer = run.answer();
                }
                runs.sort((a, b) -> Long.compare(a[0], b[0]));
                long[] median = runs.get(runs.size() / 2);
                out.printf("  %-32s %6d ms %9d ms %9d ms %9d ms  %s%n", handler.name(), median[0], median[1], median[2], median[3], answer);
            }
        }
    }

    private record ColdRun(long[] millis, String answer) {
    }

    private static ColdRun coldStart(Bench bench, Handler handler, String token, String ecsUrl) throws Exception {
        Path jar;
        try (var jars = Files.list(Path.of(handler.jarModule(), "target"))) {
            jar = jars.filter(path -> path.getFileName().toString().endsWith("-lambda.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no Lambda jar in " + handler.jarModule() + "/target: build it first"));
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAMBDA_JVM_OPTIONS);
        command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + Path.of("tools", "target", "classes"),
                ColdStart.class.getName(), handler.event(), handler.handlerClass()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("SAMOKODER_") || name.startsWith("AWS_"));
        var platform = bench.platform();
        env.put("SAMOKODER_DATA_DIR", bench.dataDir().resolve("data").toString());
        env.put("SAMOKODER_DYNAMODB_ENDPOINT", platform.stack().dynamoDbEndpoint().toString());
        env.put("SAMOKODER_S3_ENDPOINT", platform.stack().s3Endpoint().toString());
        env.put("SAMOKODER_SQS_ENDPOINT", platform.stack().sqsEndpoint().toString());
        env.put("SAMOKODER_STATE_MACHINE_ARN", platform.generationStateMachineArn());
        env.put("AWS_ENDPOINT_URL_SFN", platform.stepFunctionsEndpoint().toString());
        env.put("AWS_ENDPOINT_URL_ECS", ecsUrl);
        env.put("AWS_REGION", platform.config().aws().region());
        env.put("BENCH_ACCESS_TOKEN", token);
        env.putAll(handler.env());
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        long total = (System.nanoTime() - start) / 1_000_000;
        String line = output.lines().filter(l -> l.startsWith(ColdStart.MARKER + " ")).findFirst()
                .orElseThrow(() -> new IllegalStateException(handler.name() + " gave no answer:\n" + output));
        String[] fields = line.split(" ");
        return new ColdRun(new long[] {total, Long.parseLong(fields[1]), Long.parseLong(fields[2]), Long.parseLong(fields[3])},
                fields[4].replace('_', ' '));
    }

    /** An ECS endpoint with no tasks, for the reaper's one call (ListTasks), which has no emulator locally. */
    private record EmptyEcs(com.sun.net.httpserver.HttpServer server) implements AutoCloseable {

        static EmptyEcs start() throws IOException {
            var server = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = "{\"taskArns\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
                exchange.sendResponseHeaders(200, body.length);
                try (var response = exchange.getResponseBody()) {
                    response.write(body);
                }
            });
            server.start();
            return new EmptyEcs(server);
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    /** Median, p95 and p99 of a sample of durations in nanoseconds. */
    private record Latencies(double median, double p95, double p99, int count) {

        static Latencies of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latencies(percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.length);
        }

        private static double percentile(long[] sorted, int p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format("median %.2f ms, p95 %.2f ms, p99 %.2f ms (n=%,d)", median, p95, p99, count);
        }
    }

    /**
     * The clients' one HTTP/1.1 connection pool: each client's requests go one after another, so 50 clients keep
     * about 50 connections open, served by one selector thread rather than 50.
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** One signed-in user's client. */
    private static final class Client {

        private final HttpClient http = HTTP;
        private final String base;
        final String token;
        private volatile long retryAfterMillis = 1_000;

        Client(String base, String token) {
            this.base = base;
            this.token = token;
        }

        JsonNode send(String method, String path, String json, int expected) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
            for (int waits = 0; response.statusCode() == 429 && waits < 100; waits++) { // signing up 50 users at the default limits
                Thread.sleep(response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L) * 1_000);
                response = http.send(request(method, path, json), HttpResponse.BodyHandlers.ofString());
            }
            if (response.statusCode() != expected) {
                throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return Json.mapper().readTree(response.body());
        }

        int status(String method, String path) throws IOException, InterruptedException {
            HttpResponse<Void> response = http.send(request(method, path, null), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 429) {
                retryAfterMillis = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L) * 1_000;
            }
            return response.statusCode();
        }

        long retryAfterMillis() {
            return retryAfterMillis;
        }

        private HttpRequest request(String method, String path, String json) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return request.build();
        }
    }

    /** A local platform on its own data dir, thrown away at the end. */
    private record Bench(LocalPlatform platform, Path dataDir, String base) implements AutoCloseable {

        static Bench start(boolean limitsRaised) throws IOException {
            Path dataDir = Files.createTempDirectory("samokoder-bench-api-");
            Map<String, String> env = new HashMap<>();
            env.put("SAMOKODER_DATA_DIR", dataDir.resolve("data").toString());
            env.put("SAMOKODER_PORT", "0");
            env.put("SAMOKODER_STATIC_DIR", dataDir.resolve("none").toString());
            if (limitsRaised) {
                env.put("SAMOKODER_RATE_LIMIT_PER_MINUTE", "1000000");
                env.put("SAMOKODER_RATE_LIMIT_BURST", "100000");
            }
            LocalPlatform platform = LocalPlatform.start(SamokoderConfig.fromEnv(env), Clock.systemUTC());
            return new Bench(platform, dataDir, "http://127.0.0.1:" + platform.port());
        }

        Client signUp() throws IOException, InterruptedException {
            String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
            Client anonymous = new Client(base, null);
            String credentials = "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}";
            anonymous.send("POST", "/v1/auth/register", credentials, 201);
            String token = anonymous.send("POST", "/v1/auth/login", credentials, 200).path("accessToken").asText();
            return new Client(base, token);
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
}
