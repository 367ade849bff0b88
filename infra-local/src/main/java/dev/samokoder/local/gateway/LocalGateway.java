package dev.samokoder.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.samokoder.api.routing.Route;
import dev.samokoder.embedded.Ports;
import dev.samokoder.embedded.PortInUseException;
import dev.samokoder.shared.http.Json;
import dev.samokoder.shared.http.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
 * answers {@code GET /health} and serves the built web app at {@code /}.
 */
public final class LocalGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalGateway.class);
    /** API Gateway's payload limit for HTTP APIs. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    static final String HEALTH_PATH = "/health";

    private final HttpServer server;
    private final ExecutorService workers;
    private final RouteMatcher routes;
    private final Map<String, HttpFunction> functions;
    private final HealthCheck health;
    private final StaticFiles staticFiles;
    private final Clock clock;

    private LocalGateway(HttpServer server, ExecutorService workers, RouteMatcher routes, Map<String, HttpFunction> functions,
                         HealthCheck health, StaticFiles staticFiles, Clock clock) {
        this.server = server;
        this.workers = workers;
        this.routes = routes;
        this.functions = functions;
        this.health = health;
        this.staticFiles = staticFiles;
        this.clock = clock;
    }

    /**
     * Binds and starts serving.
     *
     * @param functions by function name; every route's function must be here
     * @throws PortInUseException when the port is taken
     */
    public static LocalGateway start(String host, int port, List<Route> routeTable, Map<String, HttpFunction> functions,
                                     HealthCheck health, Path staticDir, Clock clock) {
        for (Route route : routeTable) {
            if (!functions.containsKey(route.function())) {
                throw new IllegalArgumentException("route " + route.routeKey() + " names function " + route.function()
                        + ", which is not registered");
            }
        }
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
        LocalGateway gateway = new LocalGateway(server, workers, new RouteMatcher(routeTable), Map.copyOf(functions),
                health, new StaticFiles(staticDir), clock);
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
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            Optional<RouteMatcher.Match> match = routes.match(method, path);
            if (match.isPresent()) {
                invoke(exchange, match.get(), requestId);
            } else if (path.equals(HEALTH_PATH) && method.equals("GET")) {
                HealthCheck.Report report = health.check();
                send(exchange, report.up() ? 200 : 503, "application/json", Json.mapper().writeValueAsBytes(report));
            } else if (routes.pathExists(path)) {
                sendProblem(exchange, Problem.of("method-not-allowed", "Method not allowed", 405,
                        method + " is not supported on " + path));
            } else if (path.startsWith("/v1/") || path.equals("/v1")) {
                sendProblem(exchange, Problem.of("not-found", "Not found", 404, "no route for " + method + " " + path));
            } else if (method.equals("GET") || method.equals("HEAD")) {
                serveStatic(exchange, path);
            } else {
                sendProblem(exchange, Problem.of("not-found", "Not found", 404, "no route for " + method + " " + path));
            }
        } catch (Exception e) {
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
        HttpFunction function = functions.get(match.route().function());
        APIGatewayV2HTTPEvent event = HttpApiEvents.fromRequest(exchange, match, body, requestId, clock.instant());
        var context = new LocalLambdaContext(function.spec(), requestId, clock);
        Future<APIGatewayV2HTTPResponse> result = workers.submit(() -> function.handler().handleRequest(event, context));
        APIGatewayV2HTTPResponse response;
        try {
            response = result.get(function.spec().timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            result.cancel(true);
            log.warn("function {} timed out after {} on request {}", function.spec().name(), function.spec().timeout(), requestId);
            sendProblem(exchange, Problem.of("function-timeout", "Service unavailable", 503,
                    "the request took longer than " + function.spec().timeout().toSeconds() + " s"));
            return;
        } catch (ExecutionException e) {
            log.error("function {} failed on request {}", function.spec().name(), requestId, e.getCause());
            sendProblem(exchange, Problem.of("internal", "Internal error", 500, "request " + requestId + " failed"));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (response == null) {
            log.error("function {} returned no response on request {}", function.spec().name(), requestId);
            sendProblem(exchange, Problem.of("internal", "Internal error", 500, "request " + requestId + " failed"));
            return;
        }
        writeResponse(exchange, response);
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
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
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
