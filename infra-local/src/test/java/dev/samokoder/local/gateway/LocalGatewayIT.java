package dev.samokoder.local.gateway;

import dev.samokoder.api.routes.FunctionSpec;
import dev.samokoder.api.routes.Route;
import dev.samokoder.core.http.Problem;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalGatewayIT {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final FunctionSpec RECORDER = new FunctionSpec("recorder", "test.Recorder", Duration.ofSeconds(5), 512);
    private static final FunctionSpec SLOW = new FunctionSpec("slow", "test.Slow", Duration.ofMillis(200), 512);

    private static final String TOKEN = "Bearer eyJhbGciOiJFUzI1NiJ9.sample.signature";

    private final AtomicReference<APIGatewayV2HTTPEvent> lastEvent = new AtomicReference<>();
    private final AtomicReference<Integer> lastRemainingMillis = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalGateway gateway;
    @TempDir
    Path staticDir;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(staticDir.resolve("index.html"), "<!doctype html><title>Samokoder</title>");
        Files.createDirectories(staticDir.resolve("assets"));
        Files.writeString(staticDir.resolve("assets/app.js"), "console.log('app')");
        Files.writeString(staticDir.getParent().resolve("secret.txt"), "outside the static dir");

        List<Route> routes = List.of(
                new Route("GET", "/v1/projects/{projectId}/files/{path+}", "recorder", true),
                new Route("POST", "/v1/projects/{projectId}/uploads", "recorder", true),
                new Route("GET", "/v1/projects/{projectId}", "recorder", true),
                new Route("GET", "/v1/projects/special", "recorder", true),
                new Route("GET", "/v1/public", "recorder", false),
                new Route("GET", "/v1/slow", "slow", false),
                new Route("GET", "/v1/broken", "broken", false));
        Map<String, HttpFunction> functions = Map.of(
                "recorder", new HttpFunction(RECORDER, (event, context) -> {
                    lastEvent.set(event);
                    lastRemainingMillis.set(context.getRemainingTimeInMillis());
                    return APIGatewayV2HTTPResponse.builder()
                            .withStatusCode(201)
                            .withHeaders(Map.of("content-type", "application/octet-stream", "x-function", context.getFunctionName()))
                            .withCookies(List.of("a=1; Path=/; HttpOnly", "b=2; Path=/"))
                            .withBody(Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 255}))
                            .withIsBase64Encoded(true)
                            .build();
                }),
                "slow", new HttpFunction(SLOW, (event, context) -> {
                    try {
                        Thread.sleep(5_000); // far past its 200 ms timeout: the gateway must not wait for it
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return APIGatewayV2HTTPResponse.builder().withStatusCode(200).build();
                }),
                "broken", new HttpFunction(RECORDER, (event, context) -> {
                    throw new IllegalStateException("secret internals must not leak");
                }));
        HealthCheck health = new HealthCheck(List.of(new HealthCheck.Probe("fake", "memory:", () -> { })));
        gateway = LocalGateway.start(new GatewaySetup("127.0.0.1", 0, routes, functions, health,
                staticDir, List.of("https://app.example.com")), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + gateway.port() + pathAndQuery);
    }

    @Test
    void aRequestBecomesTheEventApiGatewayWouldSend() throws Exception {
        // given: the sample from events/, as AWS would deliver it
        APIGatewayV2HTTPEvent expected = EventLoader.loadApiGatewayHttpEvent(
                Path.of("..", "events", "http", "get-project-file.json").toAbsolutePath().toString());

        // when
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                        uri("/v1/projects/prj_0123456789abcdefghjk/files/src/app/%5Bid%5D/page.tsx?download=1&tag=a&tag=b%20c"))
                .header("Accept", "application/json")
                .header("Authorization", TOKEN)
                .header("User-Agent", "samokoder-test/1.0")
                .header("Cookie", "theme=dark; session=abc123")
                .header("X-Trace", "one")
                .header("X-Trace", "two")
                .header("X-Forwarded-For", "203.0.113.7")
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        // then: the event equals the sample but for what differs per request (ids, port)
        APIGatewayV2HTTPEvent actual = lastEvent.get();
        assertThat(actual).isNotNull();
        String host = "127.0.0.1:" + gateway.port();
        assertThat(actual.getHeaders()).containsEntry("host", host)
                .containsEntry("x-forwarded-port", Integer.toString(gateway.port()));
        assertThat(actual.getRequestContext().getRequestId()).matches("[0-9a-f-]{36}");
        assertThat(response.headers().firstValue("apigw-requestid")).contains(actual.getRequestContext().getRequestId());
        // an X-Ray root started at the request's time, with 96 random bits
        assertThat(actual.getHeaders().get("x-amzn-trace-id")).matches("Root=1-" + Long.toHexString(NOW.getEpochSecond()) + "-[0-9a-f]{24}");
        expected.getHeaders().put("host", host);
        expected.getHeaders().put("x-forwarded-port", Integer.toString(gateway.port()));
        expected.getHeaders().put("x-amzn-trace-id", actual.getHeaders().get("x-amzn-trace-id"));
        expected.getHeaders().putAll(Map.of("connection", actual.getHeaders().getOrDefault("connection", ""),
                "http2-settings", actual.getHeaders().getOrDefault("http2-settings", ""),
                "upgrade", actual.getHeaders().getOrDefault("upgrade", "")));
        expected.getHeaders().values().removeIf(String::isEmpty);
        expected.getRequestContext().setDomainName(host);
        expected.getRequestContext().setRequestId(actual.getRequestContext().getRequestId());
        assertThat(actual).usingRecursiveComparison().isEqualTo(expected);

        // and the function's response is written back as API Gateway would
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).containsExactly(0, 1, 2, 255);
        assertThat(response.headers().allValues("set-cookie")).containsExactly("a=1; Path=/; HttpOnly", "b=2; Path=/");
        assertThat(response.headers().firstValue("x-function")).contains("recorder");
        assertThat(lastRemainingMillis.get()).isBetween(1, 5_000);
    }

    @Test
    void aBinaryBodyArrivesBase64EncodedAndATextBodyAsText() throws Exception {
        byte[] binary = {(byte) 0x89, 'P', 'N', 'G', 0};
        http.send(HttpRequest.newBuilder(uri("/v1/projects/p1/uploads")).header("Content-Type", "image/png").header("Authorization", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(binary)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(lastEvent.get().getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(lastEvent.get().getBody())).isEqualTo(binary);
        assertThat(lastEvent.get().getPathParameters()).containsEntry("projectId", "p1");

        http.send(HttpRequest.newBuilder(uri("/v1/projects/p1/uploads")).header("Content-Type", "application/json; charset=utf-8").header("Authorization", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Грамота\"}")).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(lastEvent.get().getIsBase64Encoded()).isFalse();
        assertThat(lastEvent.get().getBody()).isEqualTo("{\"name\":\"Грамота\"}");
    }

    @Test
    void aLiteralRouteWinsOverATemplatedOne() throws Exception {
        http.send(HttpRequest.newBuilder(uri("/v1/projects/special")).header("Authorization", TOKEN).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(lastEvent.get().getRouteKey()).isEqualTo("GET /v1/projects/special");
        assertThat(lastEvent.get().getPathParameters()).isNull();

        http.send(HttpRequest.newBuilder(uri("/v1/projects/prj_x")).header("Authorization", TOKEN).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(lastEvent.get().getRouteKey()).isEqualTo("GET /v1/projects/{projectId}");
    }

    @Test
    void unknownRoutesAndMethodsGetProblemDetails() throws Exception {
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(uri("/v1/nothing-here")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("content-type")).contains("application/problem+json");
        assertThat(missing.body()).contains("\"type\":\"https://samokoder.dev/problems/not-found\"");

        HttpResponse<String> wrongMethod = http.send(HttpRequest.newBuilder(uri("/v1/projects/p1"))
                .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
    }

    @Test
    void aFailingFunctionIsA500WithoutItsInternals() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/broken")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret internals").doesNotContain("Exception");
    }

    @Test
    void aFunctionOverItsTimeoutIsCutOff() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/slow")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("function-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void anOversizedBodyIsRefusedBeforeTheFunctionRuns() throws Exception {
        byte[] big = new byte[LocalGateway.MAX_BODY_BYTES + 1];
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/v1/projects/p1/uploads"))
                .header("Content-Type", "application/octet-stream").header("Authorization", TOKEN)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(lastEvent.get()).isNull();
    }

    @Test
    void servesTheWebAppWithAnIndexFallbackAndNothingOutsideIt() throws Exception {
        HttpResponse<String> asset = http.send(HttpRequest.newBuilder(uri("/assets/app.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/javascript"));
        assertThat(asset.body()).isEqualTo("console.log('app')");

        HttpResponse<String> appRoute = http.send(HttpRequest.newBuilder(uri("/projects/42")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(appRoute.body()).contains("<title>Samokoder</title>");

        for (String sneaky : List.of("/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(sneaky)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).as(sneaky).doesNotContain("outside the static dir");
        }
    }

    /** Like an HTTP API without an authorizer: the function gets every request and checks the credential itself. */
    @Test
    void authenticatedRoutesReachTheFunction_whichChecksTheCredential() throws Exception {
        HttpResponse<String> noCredential = http.send(HttpRequest.newBuilder(uri("/v1/projects/p1")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(noCredential.statusCode()).isEqualTo(201);
        assertThat(lastEvent.get().getRouteKey()).isEqualTo("GET /v1/projects/{projectId}");
        assertThat(lastEvent.get().getRequestContext().getAuthorizer()).as("no authorizer's context").isNull();
    }

    /** API Gateway's quota: the request line and header values together at most 10,240 bytes; over it no function runs. */
    @Test
    void aRequestOverApiGatewaysHeaderLimitIsRefusedBeforeAnyFunctionRuns() throws Exception {
        HttpResponse<String> big = http.send(HttpRequest.newBuilder(uri("/v1/public")).header("X-Padding", "a".repeat(100 * 1024))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(big.statusCode()).isEqualTo(431);
        assertThat(big.headers().firstValue("content-type")).contains(Problem.CONTENT_TYPE);
        assertThat(big.body()).contains("headers-too-large").contains("10240 bytes");
        assertThat(big.headers().firstValue("x-content-type-options")).contains("nosniff");
        assertThat(lastEvent.get()).isNull();

        HttpResponse<String> underTheLimit = http.send(HttpRequest.newBuilder(uri("/v1/public")).header("X-Padding", "a".repeat(9_000))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(underTheLimit.statusCode()).isEqualTo(201);
    }

    @Test
    void corsPreflightsAreAnsweredOnlyForConfiguredOrigins() throws Exception {
        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(uri("/v1/projects/p1")).header("Origin", "https://app.example.com")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(204);
        assertThat(allowed.headers().firstValue("access-control-allow-origin")).contains("https://app.example.com");

        HttpResponse<String> other = http.send(HttpRequest.newBuilder(uri("/v1/projects/p1")).header("Origin", "https://evil.example")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(other.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void healthIsA503WhenAComponentIsDown() throws Exception {
        HealthCheck health = new HealthCheck(List.of(
                new HealthCheck.Probe("dynamodb", "http://127.0.0.1:1", () -> { }),
                new HealthCheck.Probe("s3", "http://127.0.0.1:2", () -> {
                    throw new IllegalStateException("Connection refused");
                })));
        try (LocalGateway down = LocalGateway.start(new GatewaySetup("127.0.0.1", 0, List.of(), Map.of(),
                health, staticDir, List.of()), Clock.systemUTC())) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + down.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(503);
            var report = dev.samokoder.core.http.Json.mapper().readTree(response.body());
            assertThat(report.path("status").asText()).isEqualTo("down");
            assertThat(report.path("components").path("dynamodb").path("status").asText()).isEqualTo("up");
            assertThat(report.path("components").path("s3").path("status").asText()).isEqualTo("down");
            assertThat(report.path("components").path("s3").path("error").asText()).isEqualTo("Connection refused");
            assertThat(report.path("components").path("s3").has("latencyMs")).isTrue();
        }
    }

    @Test
    void healthReportsEachComponent() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"up\"").contains("\"fake\":{\"status\":\"up\"");
        assertThat(new String(response.body().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).contains("latencyMs");
    }
}
