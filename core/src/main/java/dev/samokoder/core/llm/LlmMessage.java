package dev.samokoder.core.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a conversation with a model. An assistant message may carry tool calls (with or
 * without text); a tool message is the result of one of them, answering its call id.
 *
 * @param toolCalls  the tool calls of an assistant message; empty for every other role
 * @param toolCallId the call a TOOL message answers; empty for every other role
 * @param toolName   the tool a TOOL message is the result of (some providers want it); empty otherwise
 */
public record LlmMessage(Role role, String text, List<ToolCall> toolCalls, Optional<String> toolCallId, Optional<String> toolName) {

    public enum Role { SYSTEM, USER, ASSISTANT, TOOL }

    public LlmMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(toolCallId, "toolCallId");
        Objects.requireNonNull(toolName, "toolName");
        if (!toolCalls.isEmpty() && role != Role.ASSISTANT) {
            throw new IllegalArgumentException("only an assistant message carries tool calls");
        }
        if ((role == Role.TOOL) != toolCallId.isPresent() || (role == Role.TOOL) != toolName.isPresent()) {
            throw new IllegalArgumentException("a tool message, and only a tool message, names the call and the tool it answers");
        }
    }

    public static LlmMessage system(String text) {
        return new LlmMessage(Role.SYSTEM, text, List.of(), Optional.empty(), Optional.empty());
    }

    public static LlmMessage user(String text) {
        return new LlmMessage(Role.USER, text, List.of(), Optional.empty(), Optional.empty());
    }

    public static LlmMessage assistant(String text) {
        return new LlmMessage(Role.ASSISTANT, text, List.of(), Optional.empty(), Optional.empty());
    }

    public static LlmMessage assistant(String text, List<ToolCall> toolCalls) {
        return new LlmMessage(Role.ASSISTANT, text, toolCalls, Optional.empty(), Optional.empty());
    }

    public static LlmMessage toolResult(ToolCall call, String result) {
        return new LlmMessage(Role.TOOL, result, List.of(), Optional.of(call.id()), Optional.of(call.name()));
    }

    /** The same message with other text (a condensed tool result keeps its call id). */
    public LlmMessage withText(String newText) {
        return new LlmMessage(role, newText, toolCalls, toolCallId, toolName);
    }

    @Override
    public String toString() { // prompts stay out of logs
        return "LlmMessage[" + role + ", " + text.length() + " chars" + (toolCalls.isEmpty() ? "" : ", " + toolCalls.size() + " tool call(s)") + "]";
    }
}
