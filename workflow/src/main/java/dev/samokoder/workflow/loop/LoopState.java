package dev.samokoder.workflow.loop;

import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ToolCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a step's loop stands: the conversation so far (each message with the shorter form it takes
 * when the conversation is condensed), the rounds and tokens used, the submits made, and what its
 * tools remember. Saved after every round that does not end the step, so a new invocation
 * continues from here.
 */
final class LoopState extends StepNotes {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A message of the conversation; {@code condensed} is what it becomes when room runs short (empty: kept as it is). */
    record Entry(LlmMessage message, Optional<String> condensed) {
    }

    final List<Entry> entries = new ArrayList<>();
    int rounds;
    long tokens;
    int submits;
    int refusedSubmits;

    static LoopState start(String system, String prompt, Map<String, String> facts) {
        LoopState state = new LoopState();
        state.facts().putAll(facts);
        state.entries.add(new Entry(LlmMessage.system(system), Optional.empty()));
        state.entries.add(new Entry(LlmMessage.user(prompt), Optional.empty()));
        return state;
    }

    List<LlmMessage> messages() {
        return entries.stream().map(Entry::message).toList();
    }

    void add(LlmMessage message, Optional<String> condensed) {
        entries.add(new Entry(message, condensed));
    }

    byte[] toJson() {
        ObjectNode root = MAPPER.createObjectNode().put("rounds", rounds).put("tokens", tokens).put("submits", submits)
                .put("refusedSubmits", refusedSubmits);
        readPaths().forEach(root.putArray("read")::add);
        writtenPaths().forEach(root.putArray("written")::add);
        ObjectNode savedFacts = root.putObject("facts");
        facts().forEach(savedFacts::put);
        ArrayNode messages = root.putArray("messages");
        for (Entry entry : entries) {
            LlmMessage m = entry.message();
            ObjectNode one = messages.addObject().put("role", m.role().name()).put("text", m.text());
            m.toolCallId().ifPresent(id -> one.put("toolCallId", id));
            m.toolName().ifPresent(name -> one.put("toolName", name));
            entry.condensed().ifPresent(c -> one.put("condensed", c));
            if (!m.toolCalls().isEmpty()) {
                ArrayNode calls = one.putArray("toolCalls");
                m.toolCalls().forEach(call -> calls.addObject().put("id", call.id()).put("name", call.name()).put("arguments", call.arguments()));
            }
        }
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LoopState fromJson(byte[] json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("a step's saved loop does not parse", e);
        }
        LoopState state = new LoopState();
        state.rounds = root.path("rounds").asInt();
        state.tokens = root.path("tokens").asLong();
        state.submits = root.path("submits").asInt();
        state.refusedSubmits = root.path("refusedSubmits").asInt();
        root.path("read").forEach(path -> state.readPaths().add(path.asText()));
        root.path("written").forEach(path -> state.writtenPaths().add(path.asText()));
        root.path("facts").properties().forEach(fact -> state.facts().put(fact.getKey(), fact.getValue().asText()));
        for (JsonNode m : root.path("messages")) {
            LlmMessage.Role role = LlmMessage.Role.valueOf(m.path("role").asText());
            List<ToolCall> calls = new ArrayList<>();
            m.path("toolCalls").forEach(c -> calls.add(new ToolCall(c.path("id").asText(), c.path("name").asText(), c.path("arguments").asText())));
            LlmMessage message = new LlmMessage(role, m.path("text").asText(), calls,
                    m.has("toolCallId") ? Optional.of(m.get("toolCallId").asText()) : Optional.empty(),
                    m.has("toolName") ? Optional.of(m.get("toolName").asText()) : Optional.empty());
            state.entries.add(new Entry(message, m.has("condensed") ? Optional.of(m.get("condensed").asText()) : Optional.empty()));
        }
        return state;
    }
}
