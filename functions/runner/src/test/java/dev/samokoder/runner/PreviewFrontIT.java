package dev.samokoder.runner;

import com.sun.net.httpserver.HttpServer;
import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.sandbox.SandboxTask;
import dev.samokoder.services.preview.Preview;
import dev.samokoder.services.preview.PreviewAccess;
import dev.samokoder.services.preview.PreviewGate;
import dev.samokoder.services.preview.PreviewRepository;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** The AWS preview front against the embedded DynamoDB and S3, a local server standing in for the preview's task. */
@ExtendWith(LocalAwsExtension.class)
class PreviewFrontIT {

    private static final String DOMAIN = "preview.example.test";

    private LocalAws aws;
    private PreviewRepository previews;
    private RunStore runs;
    private PreviewAccess access;
    private PreviewFront front;
    private int port;
    private HttpServer app;

    @BeforeEach
    void setUp(LocalAws localAws) throws IOException {
        aws = localAws;
        previews = new PreviewRepository(aws.storage().table(), RetryPolicy.defaults());
        runs = new RunStore(aws.clients().s3(), aws.config().aws().bucketName());
        access = new PreviewAccess(aws.storage().table(), new byte[32], Duration.ofMinutes(30), Clock.systemUTC());
        front = new PreviewFront(DOMAIN, previews, runs, new PreviewGate(access, PreviewGate.CROSS_SITE_COOKIE, Clock.systemUTC()),
                Clock.systemUTC());
        port = front.listen(0);
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/", exchange -> {
            byte[] body = ("the app at " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
    }

    @AfterEach
    void tearDown() {
        front.close();
        app.stop(0);
    }

    private Preview preview(String projectId, Preview.Status status) {
        Instant now = Instant.now();
        Preview preview = new Preview(Ids.newId("pv"), projectId, Ids.newId("usr"), status, "snapshots/" + projectId + "/" + "a".repeat(64)
                + ".json", "npm start", now, now.plus(Duration.ofMinutes(30)), Optional.empty(), Optional.empty(), 0);
        return previews.put(previews.get(projectId), preview);
    }

    private static String host(String projectId) {
        return projectId.replace('_', '-') + "." + DOMAIN;
    }

    /** One request with this Host (what the load balancer passes on), the answer's status line, headers and body. */
    private Answer get(String host, String path, String cookie) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            List<String> lines = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).lines().toList();
            int blank = lines.indexOf("");
            return new Answer(Integer.parseInt(lines.getFirst().split(" ")[1]), lines.subList(1, blank),
                    lines.subList(blank + 1, lines.size()).stream().collect(Collectors.joining("\n")));
        }
    }

    private record Answer(int status, List<String> headers, String body) {
        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(h -> h.substring(name.length() + 1).strip()).findFirst();
        }
    }

    @Test
    void theOwnersTicketOpensTheProjectsPreviewOnItsOwnHost_andNothingElseDoes() throws IOException {
        String projectId = Ids.newId("prj");
        Preview preview = preview(projectId, Preview.Status.RUNNING);
        String ticket = access.issue(preview.userId(), projectId, preview.id()).ticket();

        // before its task serves: starting
        Answer entered = get(host(projectId), "/.samokoder/enter?ticket=" + ticket, null);
        assertThat(entered.status()).isEqualTo(303);
        String setCookie = entered.header("Set-Cookie").orElseThrow();
        // another site than the web app's: the frame's own partition, over HTTPS only
        assertThat(setCookie).startsWith(PreviewGate.COOKIE_PREFIX + preview.id() + "=").contains("HttpOnly", "Secure", "SameSite=None",
                "Partitioned");
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        assertThat(get(host(projectId), "/", cookie).status()).isEqualTo(503);

        // once its task says where it serves, requests go through to the app
        runs.putServing(preview.id(), new RunStore.Serving("127.0.0.1:" + app.getAddress().getPort(), Instant.now()));
        Answer page = get(host(projectId) + ":443", "/todos?x=1", cookie);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("the app at /todos?x=1");
        assertThat(previews.get(projectId).orElseThrow().lastRequestAt()).isPresent();

        // no cookie, another project's host, a host outside the domain, a spent ticket: 404
        assertThat(get(host(projectId), "/", null).status()).isEqualTo(404);
        String other = Ids.newId("prj");
        preview(other, Preview.Status.RUNNING);
        assertThat(get(host(other), "/", cookie).status()).isEqualTo(404);
        assertThat(get("evil.example.test", "/", cookie).status()).isEqualTo(404);
        assertThat(get(host(projectId), "/.samokoder/enter?ticket=" + ticket, null).status()).isEqualTo(404);
        // the load balancer's health check
        assertThat(get("10.0.0.7:8080", PreviewGate.HEALTH_PATH, null).status()).isEqualTo(200);

        // stopped: gone
        previews.update(projectId, preview.id(), p -> p.with(Preview.Status.STOPPED, Optional.of("stopped by you")));
        assertThat(get(host(projectId), "/", cookie).status()).isEqualTo(410);
    }

    @Test
    void theReaperStopsAPreviewIdlePastItsTime_recordingWhy_andLeavesOtherTasksToTheOtherChecks() {
        String projectId = Ids.newId("prj");
        Preview idle = preview(projectId, Preview.Status.RUNNING);
        runs.putRequest(new RunRequest(idle.id(), idle.id(), projectId, null, List.of("npm start"), true, "", Map.of(), 600, false, null,
                null, 3000));
        PreviewActivity activity = new PreviewActivity(previews, runs, Duration.ofMinutes(15), Clock.systemUTC());
        SandboxTask task = new SandboxTask("arn:task/1", idle.id(), null, Instant.now(), Duration.ofMinutes(30));

        // still installing: never idle
        assertThat(activity.isActive(task)).isTrue();
        // serving for 10 minutes without a request: not yet
        runs.putServing(idle.id(), new RunStore.Serving("10.0.0.9:47800", Instant.now().minus(Duration.ofMinutes(10))));
        assertThat(activity.isActive(task)).isTrue();
        // for 20: idle, and the preview says why
        runs.putServing(idle.id(), new RunStore.Serving("10.0.0.9:47800", Instant.now().minus(Duration.ofMinutes(20))));
        previews.touch(projectId, idle.id(), Instant.now().minus(Duration.ofMinutes(16)));
        assertThat(activity.isActive(task)).isFalse();
        Preview stopped = previews.get(projectId).orElseThrow();
        assertThat(stopped.status()).isEqualTo(Preview.Status.STOPPED);
        assertThat(stopped.message()).contains("stopped after 15 minute(s) without a request");

        // a task of a generation run is not the preview activity's to judge
        assertThat(activity.isActive(new SandboxTask("arn:task/2", Ids.newId("run"), null, Instant.now(), null))).isTrue();
    }
}
