package dev.samokoder.local.api;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.local.LocalPlatform;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.Spec;
import dev.samokoder.services.runs.artifacts.Stack;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 * Live previews over HTTP on the local platform: the demo app, built by a replayed run, started in the sandbox and
 * served from an origin of its own to its owner only; idle previews stop; the sandbox's network rules still hold.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewIT {

    private static final Path DEMO_TRANSCRIPT = Path.of("..", "events", "llm", "demo-todo-api.jsonl");
    private static final Duration IDLE = Duration.ofSeconds(8);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private LocalPlatform platform;
    private ApiClient api;
    private String token;
    private String otherToken;

    @BeforeAll
    void start(@TempDir Path dataDir) {
        Map<String, String> env = TestPlatforms.env(dataDir.resolve("data"));
        env.put("SAMOKODER_LLM_MODEL", "replay:demo");
        env.put("SAMOKODER_LLM_REPLAY_TRANSCRIPT", DEMO_TRANSCRIPT.toString());
        SamokoderConfig config = SamokoderConfig.fromEnv(env);
        // idle previews stop after seconds here, not minutes
        config = config.withSandbox(config.sandbox().withPreviews(new SamokoderConfig.Sandbox.Previews(IDLE, Duration.ofMinutes(10))));
        platform = LocalPlatform.start(config, Clock.systemUTC());
        api = new ApiClient(platform.port());
        token = new PlatformUser(platform.port()).accessToken();
        otherToken = new PlatformUser(platform.port()).accessToken();
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void theOwnerOpensTheDemoAppOnItsOwnOriginAndNobodyElseCan() throws Exception {
        String project = project("Todos");
        JsonNode run = awaitRun(startRun(project));
        assertThat(run.path("status").asText()).as("%s", run).isEqualTo("succeeded");

        ApiClient.Response started = api.post("/v1/projects/" + project + "/preview", token, "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode preview = started.json();
        assertThat(preview.path("id").asText()).startsWith("pv_");
        assertThat(preview.path("status").asText()).isIn("starting", "running");
        assertThat(preview.path("startCommand").asText()).isEqualTo("npm start");
        URI url = URI.create(preview.path("url").asText());
        URI origin = URI.create(url.getScheme() + "://" + url.getAuthority() + "/");
        // its own origin: not the platform's (another port), so its pages cannot read the web app's session storage
        assertThat(url.getPort()).isNotEqualTo(platform.port()).isPositive();
        assertThat(url.getPath()).isEqualTo("/.samokoder/enter");
        assertThat(url.getQuery()).startsWith("ticket=pt_");

        JsonNode running = awaitPreview(project, token, status -> !status.equals("starting"));
        assertThat(running.path("status").asText()).as("%s", running).isEqualTo("running");
        assertThat(running.path("filesChanged").asBoolean()).isFalse();

        // the owner's browser: the ticket becomes an HttpOnly cookie of the preview's origin, then the app's page
        HttpClient browser = browser();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/");
        assertThat(page.body()).containsIgnoringCase("<html").containsIgnoringCase("todo");
        HttpResponse<String> created = browser.send(HttpRequest.newBuilder(origin.resolve("/todos"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Previewed\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> listed = browser.send(HttpRequest.newBuilder(origin.resolve("/todos")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.body()).contains("Previewed");

        // the ticket worked once; without the cookie (anyone else) the origin answers 404, and the API too
        HttpClient stranger = browser();
        assertThat(stranger.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
        assertThat(stranger.send(HttpRequest.newBuilder(origin.resolve("/todos")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(api.get("/v1/projects/" + project + "/preview", otherToken).status()).isEqualTo(404);
        assertThat(api.post("/v1/projects/" + project + "/preview", otherToken, "{}").status()).isEqualTo(404);
        assertThat(api.delete("/v1/projects/" + project + "/preview", otherToken).status()).isEqualTo(404);
        // a fresh ticket from the API lets another of the owner's browsers in; a made-up one does not
        URI again = URI.create(api.get("/v1/projects/" + project + "/preview", token).json().path("url").asText());
        assertThat(browser().send(HttpRequest.newBuilder(again).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        assertThat(stranger.send(HttpRequest.newBuilder(origin.resolve("/.samokoder/enter?ticket=pt_" + "A".repeat(43))).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        // the preview's pages cannot call the API from the browser: its origin is not allowed by CORS
        ApiClient.Response preflight = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + platform.port() + "/v1/projects"))
                .header("Origin", origin.toString().replaceAll("/$", ""))
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();

        // left alone, it stops after its idle time: its address answers 410 and its sandbox is gone
        JsonNode stopped = awaitPreview(project, token, status -> !status.equals("running"));
        assertThat(stopped.path("status").asText()).isEqualTo("stopped");
        assertThat(stopped.path("message").asText()).contains("without a request");
        assertThat(browser.send(HttpRequest.newBuilder(origin.resolve("/todos")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(410);
        assertNoSandboxProcessLeft();
    }

    @Test
    void aPreviewedAppIsInstalledAndBuiltAndStillReachesNeitherTheHostNorTheInternet() throws Exception {
        String project = project("Probe");
        int hostPort;
        try (ServerSocket hostService = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            hostPort = hostService.getLocalPort();
            seed(project, Map.of(
                    "package.json", """
                            {"name": "probe", "version": "1.0.0", "private": true,
                             "scripts": {"build": "node build.js", "start": "node server.js"}}
                            """,
                    "build.js", """
                            require('fs').mkdirSync('dist', {recursive: true});
                            require('fs').writeFileSync('dist/built.txt', 'built at ' + new Date().toISOString());
                            """,
                    "server.js", """
                            const http = require('http'), net = require('net'), fs = require('fs');
                            const attempt = (host, port) => new Promise(done => {
                              const socket = net.connect({host, port, timeout: 3000});
                              socket.on('connect', () => { socket.destroy(); done('connected'); });
                              socket.on('timeout', () => { socket.destroy(); done('timeout'); });
                              socket.on('error', e => done(e.code));
                            });
                            http.createServer(async (req, res) => {
                              if (req.url === '/probe') {
                                const body = {built: fs.readFileSync('dist/built.txt', 'utf8'),
                                  hostLoopback: await attempt('127.0.0.1', %d), internet: await attempt('1.1.1.1', 443)};
                                res.writeHead(200, {'Content-Type': 'application/json'});
                                return res.end(JSON.stringify(body));
                              }
                              res.writeHead(200, {'Content-Type': 'text/html'});
                              res.end('<html><body>probe</body></html>');
                            }).listen(process.env.PORT);
                            """.formatted(hostPort)),
                    new Architecture(1, "test", "probe", Stack.NODE, List.of(new Architecture.InstallStep(List.of("npm", "install"), true)),
                            List.of("npm", "run", "build"), List.of(), List.of("npm", "start"), 3000, "/", List.of(), List.of()));

            JsonNode preview = api.post("/v1/projects/" + project + "/preview", token, "{}").json();
            JsonNode running = awaitPreview(project, token, status -> !status.equals("starting"));
            assertThat(running.path("status").asText()).as("%s", running).isEqualTo("running");
            HttpClient browser = browser();
            URI url = URI.create(preview.path("url").asText());
            assertThat(browser.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(200);
            HttpResponse<String> probe = browser.send(HttpRequest.newBuilder(url.resolve("/probe")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            JsonNode seen = dev.samokoder.core.http.Json.mapper().readTree(probe.body());
            assertThat(seen.path("built").asText()).startsWith("built at ");
            // the host's port listens, yet from the sandbox nothing is there; no route leads out
            assertThat(seen.path("hostLoopback").asText()).isEqualTo("ECONNREFUSED");
            assertThat(seen.path("internet").asText()).isIn("ENETUNREACH", "EHOSTUNREACH", "timeout");
        }
        // one preview per project: a new one replaces it, and the old one's session opens nothing any more
        HttpClient before = browser();
        JsonNode current = api.get("/v1/projects/" + project + "/preview", token).json();
        URI first = URI.create(current.path("url").asText());
        assertThat(before.send(HttpRequest.newBuilder(first).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(200);
        JsonNode replacing = api.post("/v1/projects/" + project + "/preview", token, "{}").json();
        assertThat(replacing.path("id").asText()).startsWith("pv_").isNotEqualTo(current.path("id").asText());
        JsonNode second = awaitPreview(project, token, status -> !status.equals("starting"));
        assertThat(second.path("id").asText()).isEqualTo(replacing.path("id").asText());
        assertThat(second.path("status").asText()).as("%s", second).isEqualTo("running");
        assertThat(before.send(HttpRequest.newBuilder(first.resolve("/probe")).GET().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);

        ApiClient.Response stopped = api.delete("/v1/projects/" + project + "/preview", token);
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().path("status").asText()).isEqualTo("stopped");
        assertThat(stopped.json().path("message").asText()).isEqualTo("stopped by you");
        // nothing of the project's files changed: a preview writes nothing back
        assertThat(api.get("/v1/projects/" + project + "/files", token).body()).doesNotContain("dist/built.txt");
        assertNoSandboxProcessLeft();
    }

    @Test
    void aProjectWithoutAnAppHasNothingToPreviewAndSaysSo() {
        String project = project("Empty");

        ApiClient.Response refused = api.post("/v1/projects/" + project + "/preview", token, "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("preview-unavailable");
        assertThat(refused.json().path("detail").asText()).contains("no app to preview yet");
        assertThat(api.get("/v1/projects/" + project + "/preview", token).status()).isEqualTo(404);
    }

    private void seed(String project, Map<String, String> files, Architecture architecture) {
        Storage storage = platform.wiring().storage();
        files.forEach((path, content) -> storage.files().create(project, WorkspacePath.of(path),
                storage.blobs().put(content.getBytes(StandardCharsets.UTF_8))));
        platform.wiring().runArtifacts().keepAsApp(project, new Spec("a probe of the sandbox", List.of()), architecture);
    }

    /** No process of any sandbox is left: bubblewrap's children would be in its process tree. */
    private static void assertNoSandboxProcessLeft() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ProcessHandle.current().descendants()
                .map(p -> p.info().commandLine().orElse("")).filter(line -> line.contains("bwrap")).toList()).isEmpty());
    }

    private static HttpClient browser() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private JsonNode awaitPreview(String project, String as, Predicate<String> done) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(START_TIMEOUT.plus(IDLE)).pollInterval(Duration.ofMillis(500)).until(() -> {
            ApiClient.Response response = api.get("/v1/projects/" + project + "/preview", as);
            last.set(response.json());
            return done.test(response.json().path("status").asText());
        });
        return last.get();
    }

    private String project(String name) {
        ApiClient.Response created = api.post("/v1/projects", token, "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private String startRun(String project) {
        ApiClient.Response started = api.post("/v1/projects/" + project + "/runs", token, "{\"request\":\"A todo list API with a page.\","
                + "\"mode\":\"autonomous\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        return started.json().path("id").asText();
    }

    private JsonNode awaitRun(String runId) {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            last.set(api.get("/v1/runs/" + runId, token).json());
            return !last.get().path("status").asText().equals("running");
        });
        return last.get();
    }
}
