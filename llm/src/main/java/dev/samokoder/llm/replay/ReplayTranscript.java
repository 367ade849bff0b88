package dev.samokoder.llm.replay;

import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.llm.ToolCall;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Recorded exchanges, each an answer keyed by agent, step and round (see {@link RecordedExchange}).
 * On disk it is JSON Lines, one exchange per line, which is what {@code SAMOKODER_LLM_RECORD}
 * appends:
 * <pre>{@code
 * {"agent":"CodeMonkey","step":"task 1 · src/server.js","round":1,"text":"",
 *  "toolCalls":[{"id":"call_1","name":"write_file","arguments":{"path":"src/server.js","content":"..."}}],
 *  "usage":{"promptTokens":900,"cachedTokens":0,"completionTokens":120}}
 * }</pre>
 * A file holding one JSON object {@code {"exchanges": [...]}} is read too. When a key repeats
 * (a step re-asked after a crash), the later answer is the one the run went on with, so it wins.
 */
public final class ReplayTranscript {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, RecordedExchange> byKey;

    public ReplayTranscript(List<RecordedExchange> exchanges) {
        Map<String, RecordedExchange> keyed = new LinkedHashMap<>();
        exchanges.forEach(exchange -> keyed.put(exchange.key(), exchange));
        this.byKey = keyed;
    }

    public static ReplayTranscript load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the replay transcript " + file, e);
        }
    }

    public static ReplayTranscript parse(String text, String source) {
        List<RecordedExchange> exchanges = new ArrayList<>();
        if (!jsonLines(text)) {
            JsonNode root;
            try {
                root = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(source + " is not JSON: " + e.getOriginalMessage(), e);
            }
            JsonNode list = root == null ? null : root.get("exchanges");
            if (list == null || !list.isArray()) {
                throw new IllegalArgumentException(source + ": expected JSON Lines of exchanges, or an object with a list \"exchanges\"");
            }
            for (JsonNode exchange : list) {
                exchanges.add(exchange(exchange, source + ": exchange " + (exchanges.size() + 1)));
            }
            return new ReplayTranscript(exchanges);
        }
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                String where = source + ":" + (i + 1);
                exchanges.add(exchange(tree(lines[i], where), where));
            }
        }
        return new ReplayTranscript(exchanges);
    }

    /** JSON Lines when the first non-blank line is a whole exchange by itself. */
    private static boolean jsonLines(String text) {
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                try {
                    JsonNode first = MAPPER.readTree(line);
                    return first != null && first.isObject() && !first.has("exchanges");
                } catch (JsonProcessingException e) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The answer recorded for this agent's exchange, if there is one. */
    public Optional<RecordedExchange> answer(String agent, Exchange exchange) {
        return Optional.ofNullable(byKey.get(RecordedExchange.key(agent, exchange)));
    }

    /** The steps recorded for an agent, to name in an error when a step asks for an exchange that is not there. */
    public List<String> steps(String agent) {
        TreeSet<String> steps = new TreeSet<>();
        byKey.values().stream().filter(e -> e.agent().equals(agent)).forEach(e -> steps.add(e.exchange().step()));
        return List.copyOf(steps);
    }

    public List<RecordedExchange> exchanges() {
        return List.copyOf(byKey.values());
    }

    /** One exchange as a line of a transcript. */
    public static String line(RecordedExchange exchange) {
        ObjectNode out = MAPPER.createObjectNode()
                .put("agent", exchange.agent())
                .put("step", exchange.exchange().step())
                .put("round", exchange.exchange().round())
                .put("text", exchange.text());
        ArrayNode calls = out.putArray("toolCalls");
        for (ToolCall call : exchange.toolCalls()) {
            ObjectNode one = calls.addObject().put("id", call.id()).put("name", call.name());
            try {
                JsonNode arguments = MAPPER.readTree(call.arguments());
                if (arguments != null && arguments.isObject()) {
                    one.set("arguments", arguments); // readable in the file; replayed as the same JSON
                } else {
                    one.put("arguments", call.arguments());
                }
            } catch (JsonProcessingException e) {
                one.put("arguments", call.arguments()); // cut at the output limit: kept as it came
            }
        }
        exchange.usage().ifPresent(usage -> out.putObject("usage")
                .put("promptTokens", usage.promptTokens())
                .put("cachedTokens", usage.cachedTokens())
                .put("completionTokens", usage.completionTokens()));
        if (exchange.truncated()) {
            out.put("truncated", true);
        }
        return out.toString();
    }

    private static JsonNode tree(String json, String where) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(where + ": an exchange is a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(where + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static RecordedExchange exchange(JsonNode node, String where) {
        String agent = text(node, "agent", where);
        String step = text(node, "step", where);
        JsonNode round = node.get("round");
        if (round == null || !round.canConvertToInt() || round.intValue() < 1) {
            throw new IllegalArgumentException(where + ": \"round\" must be a whole number from 1");
        }
        JsonNode textNode = node.get("text");
        String text = textNode == null || textNode.isNull() ? "" : textNode.asText();
        List<ToolCall> calls = new ArrayList<>();
        JsonNode callNodes = node.path("toolCalls");
        for (JsonNode call : callNodes) {
            String name = text(call, "name", where + ", tool call " + (calls.size() + 1));
            String id = call.path("id").asText("call_" + round.intValue() + "_" + (calls.size() + 1));
            JsonNode arguments = call.get("arguments");
            String json = arguments == null ? "{}" : arguments.isTextual() ? arguments.asText() : arguments.toString();
            calls.add(new ToolCall(id, name, json));
        }
        if (text.isEmpty() && calls.isEmpty()) {
            throw new IllegalArgumentException(where + ": an exchange has a \"text\" or \"toolCalls\"");
        }
        try {
            return new RecordedExchange(agent, new Exchange(step, round.intValue()), text, calls, usage(node.get("usage"), where),
                    node.path("truncated").asBoolean(false));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a non-blank string");
        }
        return value.asText();
    }

    private static Optional<TokenUsage> usage(JsonNode usage, String where) {
        if (usage == null || usage.isNull()) {
            return Optional.empty();
        }
        return Optional.of(TokenUsage.reported(count(usage, "promptTokens", where), count(usage, "cachedTokens", where),
                count(usage, "completionTokens", where)));
    }

    private static long count(JsonNode usage, String field, String where) {
        JsonNode value = usage.get(field);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || value.longValue() < 0) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a whole number of tokens");
        }
        return value.longValue();
    }
}
