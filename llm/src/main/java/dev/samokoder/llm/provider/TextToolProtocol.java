package dev.samokoder.llm.provider;

import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.llm.ToolChoice;
import dev.samokoder.core.llm.ToolSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tool calls for a model that has no native tool calling (its catalogue entry says
 * {@code "toolCalling": false}): the tools are described in the system message, the model answers
 * with one JSON object listing its calls, and tool results go back as user messages. The agents
 * see the same tool calls either way.
 */
public final class TextToolProtocol {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TextToolProtocol() {
    }

    /** The conversation as a model without tool calling reads it: tools in the system message, calls and results as text. */
    public static List<LlmMessage> encode(List<LlmMessage> messages, List<ToolSpec> tools, ToolChoice choice) {
        List<LlmMessage> out = new ArrayList<>();
        String instructions = instructions(tools, choice);
        boolean systemSeen = false;
        for (LlmMessage message : messages) {
            LlmMessage text = switch (message.role()) {
                case SYSTEM -> {
                    systemSeen = true;
                    yield LlmMessage.system(message.text() + "\n\n" + instructions);
                }
                case USER -> message;
                case ASSISTANT -> LlmMessage.assistant(message.toolCalls().isEmpty() ? message.text() : callsAsJson(message.toolCalls()));
                case TOOL -> LlmMessage.user("Result of your tool call " + message.toolCallId().orElseThrow() + " ("
                        + message.toolName().orElseThrow() + "):\n" + message.text());
            };
            append(out, text);
        }
        if (!systemSeen) {
            out.addFirst(LlmMessage.system(instructions));
        }
        return out;
    }

    /**
     * The tool calls of an answer written as {@code {"tool_calls": [...]}}; empty when the answer is
     * not such an object. Their ids are {@code text-call-<round>-<n>}, unique in the step.
     */
    public static List<ToolCall> decode(String answer, int round) {
        JsonNode root;
        try {
            root = MAPPER.readTree(unfenced(answer));
        } catch (JsonProcessingException e) {
            return List.of();
        }
        if (root == null || !root.isObject()) {
            return List.of();
        }
        JsonNode calls = root.has("tool_calls") ? root.get("tool_calls") : MAPPER.createArrayNode().add(root);
        List<ToolCall> decoded = new ArrayList<>();
        for (JsonNode call : calls) {
            Optional<ToolCall> one = call(call, round + "-" + (decoded.size() + 1));
            if (one.isEmpty()) {
                return List.of();
            }
            decoded.add(one.get());
        }
        return decoded;
    }

    private static Optional<ToolCall> call(JsonNode call, String number) {
        JsonNode name = call.get("name");
        JsonNode arguments = call.get("arguments");
        if (name == null || !name.isTextual() || arguments == null) {
            return Optional.empty();
        }
        String json = arguments.isTextual() ? arguments.asText() : arguments.toString();
        return Optional.of(new ToolCall("text-call-" + number, name.asText(), json));
    }

    private static String instructions(List<ToolSpec> tools, ToolChoice choice) {
        StringBuilder out = new StringBuilder("You work by calling tools. The tools:\n");
        for (ToolSpec tool : tools) {
            out.append("\n- ").append(tool.name()).append(": ").append(tool.description())
                    .append("\n  arguments (JSON Schema): ").append(tool.parameters()).append('\n');
        }
        out.append("""

                To call tools, answer with exactly one JSON object and nothing before or after it:
                {"tool_calls": [{"name": "<tool>", "arguments": {<the tool's arguments>}}]}
                List one or more calls; they run in order and their results come back to you.""");
        if (choice == ToolChoice.REQUIRED) {
            out.append(" Every answer must call at least one tool.");
        }
        return out.toString();
    }

    private static String callsAsJson(List<ToolCall> calls) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("tool_calls");
        for (ToolCall call : calls) {
            ObjectNode one = list.addObject().put("name", call.name());
            try {
                one.set("arguments", MAPPER.readTree(call.arguments()));
            } catch (JsonProcessingException e) {
                one.put("arguments", call.arguments());
            }
        }
        return root.toString();
    }

    /** Providers want user and assistant turns to alternate: consecutive user messages become one. */
    private static void append(List<LlmMessage> out, LlmMessage message) {
        if (!out.isEmpty() && message.role() == LlmMessage.Role.USER && out.getLast().role() == LlmMessage.Role.USER) {
            out.set(out.size() - 1, LlmMessage.user(out.getLast().text() + "\n\n" + message.text()));
        } else {
            out.add(message);
        }
    }

    private static String unfenced(String answer) {
        String trimmed = answer.strip();
        if (trimmed.startsWith("```")) {
            int firstLine = trimmed.indexOf('\n');
            int closing = trimmed.lastIndexOf("```");
            if (firstLine > 0 && closing > firstLine) {
                return trimmed.substring(firstLine + 1, closing).strip();
            }
        }
        return trimmed;
    }
}
