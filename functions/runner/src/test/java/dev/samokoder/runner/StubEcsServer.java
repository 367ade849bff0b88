package dev.samokoder.runner;

import dev.samokoder.core.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the ECS API (JSON 1.1 protocol) on a loopback port: a cluster's running tasks with
 * their tags, ListTasks in pages of two (so paging is exercised; RUNNING tasks only), DescribeTasks
 * (with the tags only when the request includes TAGS, as ECS does), and StopTask, which records each
 * request and takes the task off the list.
 */
final class StubEcsServer implements AutoCloseable {

    private static final String TARGET_PREFIX = "AmazonEC2ContainerServiceV20141113.";
    private static final int PAGE = 2;

    private final HttpServer server;
    private final Map<String, ObjectNode> tasks = new ConcurrentHashMap<>();
    final List<JsonNode> stopRequests = new CopyOnWriteArrayList<>();

    StubEcsServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void addTask(String arn, Instant startedAt, Map<String, String> tags) {
        ObjectNode task = Json.mapper().createObjectNode()
                .put("taskArn", arn)
                .put("lastStatus", "RUNNING")
                .put("desiredStatus", "RUNNING")
                .put("createdAt", startedAt.minusSeconds(20).getEpochSecond())
                .put("startedAt", startedAt.getEpochSecond());
        ArrayNode tagArray = task.putArray("tags");
        tags.forEach((key, value) -> tagArray.addObject().put("key", key).put("value", value));
        tasks.put(arn, task);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode request = Json.mapper().readTree(exchange.getRequestBody());
        ObjectNode response = Json.mapper().createObjectNode();
        switch (target == null ? "" : target.substring(TARGET_PREFIX.length())) {
            case "ListTasks" -> {
                if (!request.path("desiredStatus").asText("RUNNING").equals("RUNNING") || !request.path("cluster").isTextual()) {
                    respond(exchange, 400, "{\"__type\":\"InvalidParameterException\",\"message\":\"this stub lists a named cluster's running tasks\"}");
                    return;
                }
                List<String> arns = tasks.keySet().stream().sorted().toList();
                int from = request.path("nextToken").asInt(0);
                arns.subList(from, Math.min(arns.size(), from + PAGE)).forEach(response.putArray("taskArns")::add);
                if (from + PAGE < arns.size()) {
                    response.put("nextToken", String.valueOf(from + PAGE));
                }
            }
            case "DescribeTasks" -> {
                ArrayNode found = response.putArray("tasks");
                boolean withTags = request.path("include").toString().contains("\"TAGS\"");
                request.path("tasks").forEach(arn -> {
                    if (tasks.containsKey(arn.asText())) {
                        ObjectNode task = tasks.get(arn.asText()).deepCopy();
                        if (!withTags) {
                            task.remove("tags"); // as ECS: tags only when asked for
                        }
                        found.add(task);
                    }
                });
                response.putArray("failures");
            }
            case "StopTask" -> {
                stopRequests.add(request);
                ObjectNode stopped = tasks.remove(request.path("task").asText());
                response.set("task", stopped == null ? Json.mapper().createObjectNode() : stopped.put("desiredStatus", "STOPPED"));
            }
            default -> {
                respond(exchange, 400, "{\"__type\":\"InvalidParameterException\",\"message\":\"unknown target " + target + "\"}");
                return;
            }
        }
        respond(exchange, 200, response.toString());
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
