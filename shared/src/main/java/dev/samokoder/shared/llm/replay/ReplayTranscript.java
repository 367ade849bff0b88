package dev.samokoder.shared.llm.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.samokoder.shared.llm.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recorded answers, a list per agent in call order:
 * <pre>{@code
 * { "responses": {
 *     "SpecWriter": [ "the first answer", { "text": "the second", "promptTokens": 900, "completionTokens": 120 } ],
 *     "Architect":  [ "..." ] } }
 * }</pre>
 * An answer is a string, or an object with {@code text} and optionally the recorded usage
 * ({@code promptTokens}, {@code cachedTokens}, {@code completionTokens}).
 */
public final class ReplayTranscript {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, List<RecordedResponse>> byAgent;

    public ReplayTranscript(Map<String, List<RecordedResponse>> byAgent) {
        Map<String, List<RecordedResponse>> copy = new HashMap<>();
        byAgent.forEach((agent, responses) -> copy.put(agent, List.copyOf(responses)));
        this.byAgent = Map.copyOf(copy);
    }

    public static ReplayTranscript load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the replay transcript " + file, e);
        }
    }

    public static ReplayTranscript parse(String json, String source) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + " is not JSON: " + e.getOriginalMessage(), e);
        }
        JsonNode responses = root == null ? null : root.get("responses");
        if (responses == null || !responses.isObject()) {
            throw new IllegalArgumentException(source + ": expected an object \"responses\" of agent -> list of answers");
        }
        Map<String, List<RecordedResponse>> byAgent = new HashMap<>();
        for (Map.Entry<String, JsonNode> agent : responses.properties()) {
            if (!agent.getValue().isArray()) {
                throw new IllegalArgumentException(source + ": the answers of " + agent.getKey() + " must be a list");
            }
            List<RecordedResponse> answers = new ArrayList<>();
            for (JsonNode answer : agent.getValue()) {
                answers.add(response(answer, source + ": " + agent.getKey() + " #" + (answers.size() + 1)));
            }
            byAgent.put(agent.getKey(), answers);
        }
        return new ReplayTranscript(byAgent);
    }

    /** The agent's answer to its call number {@code agentCall} (from 0), if recorded. */
    public Optional<RecordedResponse> response(String agent, int agentCall) {
        List<RecordedResponse> answers = byAgent.getOrDefault(agent, List.of());
        return agentCall >= 0 && agentCall < answers.size() ? Optional.of(answers.get(agentCall)) : Optional.empty();
    }

    public int recorded(String agent) {
        return byAgent.getOrDefault(agent, List.of()).size();
    }

    private static RecordedResponse response(JsonNode answer, String where) {
        if (answer.isTextual()) {
            return new RecordedResponse(answer.asText(), Optional.empty());
        }
        JsonNode text = answer.get("text");
        if (!answer.isObject() || text == null || !text.isTextual()) {
            throw new IllegalArgumentException(where + ": an answer is a string or an object with a string \"text\"");
        }
        if (!answer.has("promptTokens") && !answer.has("completionTokens")) {
            return new RecordedResponse(text.asText(), Optional.empty());
        }
        try {
            return new RecordedResponse(text.asText(), Optional.of(TokenUsage.reported(
                    count(answer, "promptTokens", where), count(answer, "cachedTokens", where), count(answer, "completionTokens", where))));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static long count(JsonNode answer, String field, String where) {
        JsonNode value = answer.get(field);
        if (value == null) {
            return 0;
        }
        if (!value.isIntegralNumber() || value.longValue() < 0) {
            throw new IllegalArgumentException(where + ": \"" + field + "\" must be a whole number of tokens");
        }
        return value.longValue();
    }
}
