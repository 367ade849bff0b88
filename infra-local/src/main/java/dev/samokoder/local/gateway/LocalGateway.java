package dev.samokoder.local.gateway;

import dev.samokoder.api.http.SecurityHeaders;
import dev.samokoder.api.routes.FunctionSpec;
import dev.samokoder.core.http.Json;
import dev.samokoder.core.http.Problem;
import dev.samokoder.embedded.PortInUseException;
import dev.samokoder.embedded.Ports;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stand-in for API Gateway: turns each HTTP request into the {@link APIGatewayV2HTTPEvent}
 * an HTTP API would send, calls the same handler instance the Lambda would run (with a real
 * {@link LocalLambdaContext} and the function's timeout), and writes its response back. It also
 * answers {@code GET /health} and serves the built web app at {@code /}. Like an HTTP API without
 * an authorizer it passes every request to the function, which verifies credentials itself; and it
 * refuses what API Gateway refuses before any function runs: a request line and header values over
 * 10,240 bytes together, and a body over 10 MB. Every answer it gives itself (no route, a preflight,
 * an oversized request, a failed or timed out function) carries the API's security headers, and
 * CORS headers for a configured origin, like the handler's own answers.
 */
public final class LocalGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalGateway.class);
    /** API Gateway's payload limit for HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** API Gateway's limit (HTTP API quotas) on the request line and the header values taken together. */
    static final int MAX_REQUEST_LINE_AND_HEADER_BYTES = 10_240;
    static final String HEALTH_PATH = "/health";
    /** What a configured origin may send: every method and request header the routes use. */
    static final String PREFLIGHT_METHODS = "GET, POST, PUT, PATCH, DELETE";
    static final String PREFLIGHT_HEADERS = "Authorization, Content-Type, If-Match, X-Api-Key";

    private final HttpServer server;
    private final ExecutorService workers;
    private final GatewaySetup setup;
    private final RouteMatcher routes;
    private final StaticFiles staticFiles;
    private final SecurityHeaders securityHeaders;
    private final Clock clock;

    private LocalGateway(HttpServer server, ExecutorService workers, GatewaySetup setup, Clock clock) {
        this.server = server;
        this.workers = workers;
        this.setup = setup;
        this.routes = new RouteMatcher(setup.routes());
        this.staticFiles = new StaticFiles(setup.staticDir());
        this.securityHeaders = new SecurityHeaders(setup.corsOrigins());
        this.clock = clock;
    }

    /**
     * Binds and starts serving.
     *
     * @throws PortInUseException when the port is taken
     */
    public static LocalGateway start(GatewaySetup setup, Clock clock) {
        String host = setup.host();
        int port = setup.port();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(host), port), 128);
        } catch (BindException e) {
            throw new PortInUseException("gateway", host, port, e);
        } catch (IOException e) {
            if (Ports.isBindFailure(e)) {
                throw new PortInUseException("gateway", host, port, e);
            }
            throw new IllegalStateException("cannot start the gateway on " + host + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        LocalGateway gateway = new LocalGateway(server, workers, setup, clock);
        server.createContext("/", gateway::handle);
        server.setExecutor(workers);
        server.start();
        log.info("gateway listening on http://{}:{}", host, gateway.port());
        return gateway;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            exchange.getResponseHeaders().set("apigw-requestid", requestId);
            securityHeaders.forOrigin(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Origin")))
                    .forEach(exchange.getResponseHeaders()::set);
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Optional<RouteMatcher.Match> match = routes.match(method, path);
            if (isApiPath(path) && requestLineAndHeaderBytes(exchange) > MAX_REQUEST_LINE_AND_HEADER_BYTES) {
                sendProblem(exchange, Problem.of("headers-too-large", "Request header fields too large", 431,
                        "the request line and header values are over " + MAX_REQUEST_LINE_AND_HEADER_BYTES + " bytes together"));
            } else if (match.isPresent()) {
                invoke(exchange, match.get(), requestId);
            } else if (path.equals(HEALTH_PATH) && method.equals("GET")) {
                HealthCheck.Report report = setup.health().check();
                send(exchange, report.up() ? 200 : 503, "application/json", Json.mapper().writeValueAsBytes(report));
            } else if (method.equals("OPTIONS") && routes.pathExists(path)) {
                answerPreflight(exchange);
            } else if (routes.pathExists(path)) {
                sendProblem(exchange, Problem.of("method-not-allowed", "Method not allowed", 405,
                        method + " is not supported on " + path));
            } else if (isApiPath(path)) {
                sendProblem(exchange, Problem.of("not-found", "Not found", 404, "no route for " + method + " " + path));
            } else if (method.equals("GET") || method.equals("HEAD")) {
                serveStatic(exchange, path);
            } else {
                sendProblem(exchange, Problem.of("not-found", "Not found", 404, "no route for " + method + " " + path));
            }
        } catch (Exception | LinkageError | StackOverflowError e) {
            // LinkageError: a stale class on the classpath; the client still gets an answer, not a cut connection
            log.error("gateway failed on request {}", requestId, e);
            try {
                sendProblem(exchange, Problem.of("internal", "Internal error", 500, "request " + requestId + " failed"));
            } catch (IOException | RuntimeException ignored) {
                // the response was already (partly) sent; the client sees a cut connection
            }
        }
    }

    private void invoke(HttpExchange exchange, RouteMatcher.Match match, String requestId) throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            sendProblem(exchange, Problem.of("payload-too-large", "Payload too large", 413,
                    "the request body is over " + MAX_BODY_BYTES + " bytes"));
            return;
        }
        HttpFunction function = setup.functions().get(match.route().function());
        APIGatewayV2HTTPEvent event = HttpApiEvents.fromRequest(exchange, match, body, requestId, clock.instant());
        var context = new LocalLambdaContext(function.spec(), requestId, clock);
        APIGatewayV2HTTPResponse response;
        try {
            response = callWithin(function.spec(), requestId, () -> function.handler().handleRequest(event, context));
        } catch (TimeoutException e) {
            sendProblem(exchange, Problem.of("function-timeout", "Service unavailable", 503,
                    "the request took longer than " + function.spec().timeout().toSeconds() + " s"));
            return;
        } catch (ExecutionException e) {
            sendProblem(exchange, Problem.of("internal", "Internal error", 500, "request " + requestId + " failed"));
            return;
        }
        if (response == null) {
            log.error("function {} returned no response on request {}", function.spec().name(), requestId);
            sendProblem(exchange, Problem.of("internal", "Internal error", 500, "request " + requestId + " failed"));
            return;
        }
        writeResponse(exchange, response);
    }

    private static boolean isApiPath(String path) {
        return path.startsWith("/v1/") || path.equals("/v1");
    }

    /** What API Gateway counts against its 10,240 bytes: the request line and every header value, in UTF-8. */
    static long requestLineAndHeaderBytes(HttpExchange exchange) {
        String target = exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
        long bytes = (exchange.getRequestMethod() + " " + target + " " + exchange.getProtocol()).getBytes(StandardCharsets.UTF_8).length;
        for (List<String> values : exchange.getRequestHeaders().values()) {
            for (String value : values) {
                bytes += value.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }

    /** Runs a function on a worker within its timeout, as Lambda would cut it off. */
    private <T> T callWithin(FunctionSpec spec, String requestId, Callable<T> call) throws TimeoutException, ExecutionException {
        Future<T> result = workers.submit(call);
        try {
            return result.get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            log.warn("function {} timed out after {} on request {}", spec.name(), spec.timeout(), requestId);
            throw e;
        } catch (ExecutionException e) {
            log.error("function {} failed on request {}", spec.name(), requestId, e.getCause());
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutionException(e);
        }
    }

    /** A CORS preflight: allowed origins get the methods and headers they may use, others nothing. */
    private void answerPreflight(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && securityHeaders.allows(origin)) {
            var headers = exchange.getResponseHeaders();
            headers.set("Access-Control-Allow-Methods", PREFLIGHT_METHODS);
            headers.set("Access-Control-Allow-Headers", PREFLIGHT_HEADERS);
            headers.set("Access-Control-Max-Age", "600");
        }
        sendBytes(exchange, 204, new byte[0]);
    }

    private static void writeResponse(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        var headers = exchange.getResponseHeaders();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach(headers::set);
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> headers.add("Set-Cookie", cookie));
        }
        String body = response.getBody();
        byte[] bytes = body == null ? new byte[0]
                : response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        sendBytes(exchange, status, bytes);
    }

    private void serveStatic(HttpExchange exchange, String path) throws IOException {
        Optional<StaticFiles.StaticFile> file = staticFiles.resolve(path);
        if (file.isEmpty()) {
            sendProblem(exchange, Problem.of("not-found", "Not found", 404, staticFiles.available()
                    ? "no file for " + path
                    : "the web app is not built (no index.html in " + staticFiles.root() + ")"));
            return;
        }
        // the web app's own pages: the API's CSP (nothing may load) and no-store do not fit them
        var headers = exchange.getResponseHeaders();
        headers.remove("Content-Security-Policy");
        headers.set("Cache-Control", "no-cache");
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        send(exchange, 200, file.get().contentType(), Files.readAllBytes(file.get().path()));
    }

    /** The body, or null if it is over the limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : bytes;
    }

    private static void sendProblem(HttpExchange exchange, Problem problem) throws IOException {
        send(exchange, problem.status(), Problem.CONTENT_TYPE, problem.toJson().getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        sendBytes(exchange, status, body);
    }

    private static void sendBytes(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = exchange.getRequestMethod().equals("HEAD") || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length == 0 ? -1 : body.length);
        if (!noBody && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Stops accepting requests, lets running ones finish for up to a second, then stops. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdownNow();
    }
}
