package dev.samokoder.local.sfn.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in for the Lambda Invoke API. Each function is a JSON-to-response function; a response whose
 * {@code errorType} is set is sent with {@code X-Amz-Function-Error: Unhandled}, as Lambda does.
 */
public final class StubLambdaServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "/2015-03-31/functions/";

    private final HttpServer server;
    private final Map<String, Function<JsonNode, JsonNode>> functions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();

    public StubLambdaServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public StubLambdaServer function(String name, Function<JsonNode, JsonNode> body) {
        functions.put(name, body);
        return this;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public int invocations(String name) {
        AtomicInteger count = invocations.get(name);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String name = path.startsWith(PREFIX) && path.endsWith("/invocations")
                    ? path.substring(PREFIX.length(), path.length() - "/invocations".length()) : "";
            Function<JsonNode, JsonNode> function = functions.get(name);
            if (function == null) {
                send(exchange, 404, "{\"Type\":\"User\",\"message\":\"Function not found: " + name + "\"}", "ResourceNotFoundException");
                return;
            }
            invocations.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet();
            JsonNode result = function.apply(JSON.readTree(exchange.getRequestBody()));
            if (result != null && (result.has("errorType") || result.has("errorMessage"))) {
                exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
            }
            send(exchange, 200, String.valueOf(result), null);
        }
    }

    private static void send(HttpExchange exchange, int status, String body, String errorType) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
