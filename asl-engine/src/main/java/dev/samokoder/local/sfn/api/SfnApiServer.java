package dev.samokoder.local.sfn.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.samokoder.local.sfn.engine.SfnException;
import dev.samokoder.local.sfn.engine.StepFunctionsEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the Step Functions JSON 1.0 protocol on a loopback port: {@code POST /} with
 * {@code X-Amz-Target: AWSStepFunctions.<Operation>}. Errors are {@code {"__type": code, "message": ...}}
 * with status 400, as AWS returns them, so the AWS SDK raises its usual typed exceptions.
 */
public final class SfnApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SfnApiServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    private static final String TARGET_PREFIX = "AWSStepFunctions.";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final StepFunctionsOperations operations;

    private SfnApiServer(StepFunctionsEngine engine, int port) throws IOException {
        this.operations = new StepFunctionsOperations(engine);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts serving; port 0 picks a free port, see {@link #endpoint()}. */
    public static SfnApiServer start(StepFunctionsEngine engine, int port) throws IOException {
        SfnApiServer api = new SfnApiServer(engine, port);
        api.server.start();
        return api;
    }

    public URI endpoint() {
        return URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || target == null || !target.startsWith(TARGET_PREFIX)) {
                respond(exchange, 400, error("UnknownOperationException", "Expected POST with X-Amz-Target: AWSStepFunctions.<Operation>"));
                return;
            }
            String operation = target.substring(TARGET_PREFIX.length());
            JsonNode request;
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                request = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
            } catch (JsonProcessingException e) {
                respond(exchange, 400, error("SerializationException", "The request body is not JSON: " + e.getOriginalMessage()));
                return;
            }
            try {
                respond(exchange, 200, operations.invoke(operation, request));
            } catch (SfnException e) {
                respond(exchange, 400, error(e.code(), e.getMessage()));
            } catch (RuntimeException e) {
                LOG.error("{} failed", operation, e);
                respond(exchange, 500, error("InternalFailure", e.toString()));
            }
        }
    }

    private static ObjectNode error(String code, String message) {
        return JSON.createObjectNode().put("__type", code).put("message", message);
    }

    private static void respond(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        if (status != 200) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", body.path("__type").asText());
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
