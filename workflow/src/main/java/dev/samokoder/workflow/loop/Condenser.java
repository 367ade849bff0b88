package dev.samokoder.workflow.loop;

import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.llm.context.TokenEstimate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps a step's conversation inside its model's window. When the next call would not fit, the
 * oldest tool results become their one-line summaries and the oldest tool calls lose their long
 * arguments (a file written is then "[condensed: 4,210 characters]"), oldest first, until it
 * fits. The system message, the step's prompt and the last two rounds are never condensed, so the
 * model always sees its instructions and what it just did; what it needs again it reads again.
 */
final class Condenser {

    /** Tool-call argument strings longer than this are condensed. */
    static final int LONG_ARGUMENT = 300;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Condenser() {
    }

    /** @return how many messages were condensed */
    static int fit(LoopState state, long budgetTokens) {
        long size = TokenEstimate.of(state.messages());
        if (size <= budgetTokens) {
            return 0;
        }
        int protectFrom = protectedTail(state.entries);
        int condensed = 0;
        for (int i = 2; i < protectFrom && size > budgetTokens; i++) {
            LoopState.Entry entry = state.entries.get(i);
            LlmMessage before = entry.message();
            LlmMessage after = condensed(entry);
            if (after != before) {
                state.entries.set(i, new LoopState.Entry(after, Optional.empty()));
                size += TokenEstimate.of(after) - TokenEstimate.of(before);
                condensed++;
            }
        }
        return condensed;
    }

    /** The index from which the last two rounds (each an assistant message and what answered it) begin. */
    private static int protectedTail(List<LoopState.Entry> entries) {
        int assistants = 0;
        for (int i = entries.size() - 1; i >= 2; i--) {
            if (entries.get(i).message().role() == LlmMessage.Role.ASSISTANT && ++assistants == 2) {
                return i;
            }
        }
        return 2;
    }

    private static LlmMessage condensed(LoopState.Entry entry) {
        LlmMessage message = entry.message();
        if (message.role() == LlmMessage.Role.TOOL && entry.condensed().isPresent()) {
            return message.withText("[condensed to save room: " + entry.condensed().get() + ". Call the tool again if you need its result.]");
        }
        if (message.role() == LlmMessage.Role.ASSISTANT && !message.toolCalls().isEmpty()) {
            List<ToolCall> calls = new ArrayList<>();
            boolean changed = false;
            for (ToolCall call : message.toolCalls()) {
                String arguments = shortArguments(call.arguments());
                changed |= !arguments.equals(call.arguments());
                calls.add(new ToolCall(call.id(), call.name(), arguments));
            }
            return changed ? new LlmMessage(message.role(), message.text(), calls, message.toolCallId(), message.toolName()) : message;
        }
        return message;
    }

    private static String shortArguments(String arguments) {
        try {
            JsonNode tree = MAPPER.readTree(arguments);
            if (tree == null || !tree.isObject()) {
                return arguments;
            }
            ObjectNode copy = MAPPER.createObjectNode();
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                JsonNode value = field.getValue();
                if (value.isTextual() && value.asText().length() > LONG_ARGUMENT) {
                    copy.put(field.getKey(), "[condensed: " + String.format("%,d", value.asText().length()) + " characters]");
                } else {
                    copy.set(field.getKey(), value);
                }
            }
            return copy.toString();
        } catch (IOException e) {
            return arguments;
        }
    }
}
