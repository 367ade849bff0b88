package dev.samokoder.llm.providers;

import dev.samokoder.llm.providers.StandIn.Reply;
import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The chat completions wire format of a tool-calling exchange, shared by OpenAI and the servers that speak it. */
final class OpenAiWire {

    private OpenAiWire() {
    }

    /** A reply that calls read_file, cut at the output limit when {@code finishReason} is "length". */
    static Reply toolCall(String id, String arguments, String finishReason) {
        return Reply.json(200, """
                {"id": "chatcmpl-2", "object": "chat.completion", "created": 1700000000, "model": "m",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": null,
                   "tool_calls": [{"id": "%s", "type": "function", "function": {"name": "read_file", "arguments": %s}}]},
                   "finish_reason": "%s"}],
                 "usage": {"prompt_tokens": 900, "completion_tokens": 30, "total_tokens": 930}}"""
                .formatted(id, ToolExchange.JSON.getNodeFactory().textNode(arguments), finishReason));
    }

    /** The request carries both tools, the required choice, and the previous call answered by its result. */
    static void assertToolRequest(JsonNode body) {
        JsonNode tools = body.path("tools");
        assertThat(tools).hasSize(2);
        assertThat(tools.get(0).path("type").asText()).isEqualTo("function");
        assertThat(tools.get(0).path("function").path("name").asText()).isEqualTo("read_file");
        assertThat(tools.get(0).path("function").path("description").asText()).isEqualTo("Read a file's lines, numbered.");
        assertThat(tools.get(1).path("function").path("name").asText()).isEqualTo("submit");
        ToolExchange.assertParameters(tools.get(0).path("function").path("parameters"), tools.get(1).path("function").path("parameters"));
        assertThat(body.path("tool_choice").asText()).isEqualTo("required");
        assertThat(body.has("response_format")).isFalse();

        JsonNode messages = body.path("messages");
        assertThat(messages).extracting(m -> m.path("role").asText()).containsExactly("system", "user", "assistant", "tool");
        JsonNode call = messages.get(2).path("tool_calls");
        assertThat(call).hasSize(1);
        assertThat(call.get(0).path("id").asText()).isEqualTo(ToolExchange.PREVIOUS_CALL.id());
        assertThat(call.get(0).path("type").asText()).isEqualTo("function");
        assertThat(call.get(0).path("function").path("name").asText()).isEqualTo("read_file");
        assertThat(ToolExchange.json(call.get(0).path("function").path("arguments").asText()))
                .isEqualTo(ToolExchange.json(ToolExchange.PREVIOUS_CALL.arguments()));
        assertThat(messages.get(2).path("content").asText("")).isEmpty();
        assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo(ToolExchange.PREVIOUS_CALL.id());
        assertThat(messages.get(3).path("content").asText()).isEqualTo(ToolExchange.PREVIOUS_RESULT);
    }
}
