package dev.samokoder.local.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A model server of the test's own, speaking OpenAI chat completions on loopback: what a user
 * points the platform at with {@code SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL} and
 * {@code SAMOKODER_LLM_MODEL=openai-compatible:<name>}. A {@link Script} plays the model: it reads
 * what the platform sent (the system prompt naming the agent, the step's prompt, the tools offered,
 * the tool results so far) and answers with text or tool calls, so a scripted model can succeed
 * only when the right context reached it. The key the platform sends is checked when one is set.
 */
public final class ScriptedModelServer implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The model's side: one answer to one request. */
    @FunctionalInterface
    public interface Script {
        Reply answer(Turn turn);
    }

    /** A tool call the model makes. */
    public record Call(String name, ObjectNode arguments) {

        public static Call of(String name, Object... keysAndValues) {
            ObjectNode arguments = MAPPER.createObjectNode();
            for (int i = 0; i < keysAndValues.length; i += 2) {
                arguments.set((String) keysAndValues[i], MAPPER.valueToTree(keysAndValues[i + 1]));
            }
            return new Call(name, arguments);
        }
    }

    /** What the model answers: text, tool calls, or both. */
    public record Reply(String text, List<Call> calls) {

        public static Reply calls(Call... calls) {
            return new Reply("", List.of(calls));
        }

        public static Reply text(String text) {
            return new Reply(text, List.of());
        }
    }

    /** A call the model made earlier in the conversation, with the result the platform sent back. */
    public record Done(String name, JsonNode arguments, String result) {
    }

    /**
     * One request as the model sees it.
     *
     * @param agent  who the system prompt says the model is ("You are CodeMonkey, ...")
     * @param prompt the step's prompt (the first user message)
     * @param done   the tool calls of the earlier rounds, with their results, in order
     * @param notes  the user messages after the prompt (what the loop told the model)
     * @param tools  the names of the tools offered
     */
    public record Turn(String agent, String system, String prompt, List<Done> done, List<String> notes, List<String> tools, int round) {

        /** The result of the latest call of {@code tool} whose {@code path} argument was {@code path}. */
        public Optional<String> resultOf(String tool, String path) {
            for (int i = done.size() - 1; i >= 0; i--) {
                Done call = done.get(i);
                if (call.name().equals(tool) && path.equals(call.arguments().path("path").asText())) {
                    return Optional.of(call.result());
                }
            }
            return Optional.empty();
        }

        public boolean offers(String tool) {
            return tools.contains(tool);
        }

        /**
         * What follows a heading of the prompt: its fenced data block whole (blank lines and all), or
         * the text up to the next blank line; empty when the prompt has no such heading.
         */
        public Optional<String> section(String heading) {
            int at = prompt.indexOf(heading);
            if (at < 0) {
                return Optional.empty();
            }
            int from = at + heading.length() + 1;
            String rest = prompt.substring(Math.min(from, prompt.length()));
            if (rest.startsWith("```")) {
                int fenceLength = 0;
                while (fenceLength < rest.length() && rest.charAt(fenceLength) == '`') {
                    fenceLength++;
                }
                String fence = "\n" + "`".repeat(fenceLength);
                int close = rest.indexOf(fence);
                return Optional.of(rest.substring(rest.indexOf('\n') + 1, close < 0 ? rest.length() : close));
            }
            int end = rest.indexOf("\n\n");
            return Optional.of(rest.substring(0, end < 0 ? rest.length() : end).strip());
        }
    }

    private final HttpServer server;
    private final Script script;
    private final Optional<String> requiredKey;
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();

    private ScriptedModelServer(Script script, Optional<String> requiredKey) throws IOException {
        this.script = script;
        this.requiredKey = requiredKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(16));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    /** @param requiredKey the bearer key a request must carry, if any */
    public static ScriptedModelServer start(Script script, Optional<String> requiredKey) throws IOException {
        return new ScriptedModelServer(script, requiredKey);
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1");
    }

    public int requests() {
        return requests.get();
    }

    /** What the script threw or the server refused, for a test to show when a run fails. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (requiredKey.isPresent() && !("Bearer " + requiredKey.get()).equals(auth)) {
                failures.add("a request without the key");
                send(exchange, 401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\"}}");
                return;
            }
            JsonNode request = MAPPER.readTree(exchange.getRequestBody());
            ObjectNode answer;
            try {
                Turn turn = turn(request);
                answer = completion(request, script.answer(turn));
            } catch (RuntimeException | AssertionError e) {
                failures.add(e.toString());
                send(exchange, 400, MAPPER.createObjectNode().set("error", MAPPER.createObjectNode()
                        .put("message", "the scripted model cannot answer: " + e.getMessage()).put("type", "invalid_request_error")).toString());
                return;
            }
            send(exchange, 200, answer.toString());
        }
    }

    static Turn turn(JsonNode request) throws IOException {
        JsonNode messages = request.path("messages");
        String system = messages.path(0).path("content").asText();
        String prompt = messages.path(1).path("content").asText();
        String agent = system.startsWith("You are ") ? system.substring(8, system.indexOf(',')) : "";
        List<Done> done = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int round = 1;
        for (int i = 2; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            switch (message.path("role").asText()) {
                case "assistant" -> {
                    round++;
                    for (JsonNode call : message.path("tool_calls")) {
                        String id = call.path("id").asText();
                        String result = "";
                        for (int j = i + 1; j < messages.size(); j++) {
                            if (messages.get(j).path("tool_call_id").asText().equals(id)) {
                                result = messages.get(j).path("content").asText();
                            }
                        }
                        String arguments = call.path("function").path("arguments").asText();
                        done.add(new Done(call.path("function").path("name").asText(), MAPPER.readTree(arguments.isBlank() ? "{}" : arguments), result));
                    }
                }
                case "user" -> notes.add(message.path("content").asText());
                default -> { }
            }
        }
        List<String> tools = new ArrayList<>();
        request.path("tools").forEach(tool -> tools.add(tool.path("function").path("name").asText()));
        return new Turn(agent, system, prompt, done, notes, tools, round);
    }

    private static ObjectNode completion(JsonNode request, Reply reply) {
        ObjectNode message = MAPPER.createObjectNode().put("role", "assistant");
        if (reply.text().isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", reply.text());
        }
        int round = 1;
        for (JsonNode m : request.path("messages")) {
            round += m.path("role").asText().equals("assistant") ? 1 : 0;
        }
        long completionChars = reply.text().length();
        if (!reply.calls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (int i = 0; i < reply.calls().size(); i++) {
                Call call = reply.calls().get(i);
                String arguments = call.arguments().toString();
                completionChars += arguments.length() + call.name().length();
                calls.addObject().put("id", "call_" + round + "_" + (i + 1)).put("type", "function")
                        .set("function", MAPPER.createObjectNode().put("name", call.name()).put("arguments", arguments));
            }
        }
        ObjectNode answer = MAPPER.createObjectNode().put("id", "chatcmpl-scripted").put("object", "chat.completion").put("created", 0)
                .put("model", request.path("model").asText());
        answer.putArray("choices").addObject().put("index", 0).put("finish_reason", reply.calls().isEmpty() ? "stop" : "tool_calls")
                .set("message", message);
        // usage as a provider reports it, counted the same way every time so a recording is the same every time
        answer.putObject("usage").put("prompt_tokens", request.path("messages").toString().length() / 4)
                .put("completion_tokens", Math.max(1, completionChars / 4))
                .put("total_tokens", request.path("messages").toString().length() / 4 + Math.max(1, completionChars / 4));
        return answer;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
