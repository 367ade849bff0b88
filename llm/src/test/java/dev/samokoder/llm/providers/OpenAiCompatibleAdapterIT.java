package dev.samokoder.llm.providers;

import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ProviderResponse;
import dev.samokoder.llm.providers.StandIn.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A local OpenAI-compatible server (Ollama's shape: base URL ending in /v1, no key). */
class OpenAiCompatibleAdapterIT extends WireErrorsContract {

    @Override
    ChatProvider provider(StandIn standIn, Duration timeout) {
        return compatible(Optional.empty(), timeout);
    }

    @Override
    ModelRef model() {
        return ModelRef.parse("openai-compatible:qwen2.5-coder:7b");
    }

    @Override
    Reply error(int status, String type, String message) {
        return Reply.json(status, """
                {"error": {"message": "%s", "type": "%s"}}""".formatted(message, type));
    }

    @Override
    Reply success(String text) {
        return Reply.json(200, """
                {"id": "chatcmpl-7", "object": "chat.completion", "created": 1700000000, "model": "qwen2.5-coder:7b",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s"}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 40, "completion_tokens": 9, "total_tokens": 49}}""".formatted(text));
    }

    @Test
    void theRequest_goesToTheBaseUrl_withMaxTokens_andWithoutAKeyWhenThereIsNone() {
        // given
        standIn.reply(success("hello"));

        // when
        provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.system("be brief"), LlmMessage.user("hi"))));

        // then
        StandIn.Received sent = standIn.last();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isNull();
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("qwen2.5-coder:7b");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.has("max_completion_tokens")).isFalse();
        assertThat(body.path("messages")).hasSize(2);
    }

    @Test
    void aServerThatWantsAKey_getsItAsBearer() {
        // given: Groq, OpenRouter
        standIn.reply(success("hello"));

        // when
        compatible(Optional.of("gsk-test"), TIMEOUT).chat(request(List.of(LlmMessage.user("hi"))));

        // then
        assertThat(standIn.last().header("Authorization")).isEqualTo("Bearer gsk-test");
    }

    @Test
    void theUsage_isRead_withNothingCached() {
        standIn.reply(success("hello"));

        ProviderResponse response = provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi"))));

        assertThat(response.text()).isEqualTo("hello");
        assertThat(response.usage()).contains(TokenUsage.reported(40, 0, 9));
    }

    @Test
    void aServerThatReportsNoUsage_leavesCountingToTheGateway() {
        // given
        standIn.reply(Reply.json(200, """
                {"id": "x", "object": "chat.completion", "created": 1, "model": "m",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "hello"}, "finish_reason": "stop"}]}"""));

        // when
        ProviderResponse response = provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi"))));

        // then
        assertThat(response.text()).isEqualTo("hello");
        assertThat(response.usage()).isEmpty();
    }

    @Test
    void aToolCallingExchange_isTheChatCompletionsOne_andTheCallIsRead() {
        // given: Ollama and vLLM answer tool calls in OpenAI's shape
        standIn.reply(OpenAiWire.toolCall("call_q1", "{\"path\":\"src/server.js\"}", "tool_calls"));

        // when
        ProviderResponse response = provider(standIn, TIMEOUT).chat(ToolExchange.request(model()));

        // then
        OpenAiWire.assertToolRequest(standIn.last().json());
        assertThat(response.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("call_q1");
            assertThat(call.name()).isEqualTo("read_file");
            assertThat(ToolExchange.json(call.arguments())).isEqualTo(ToolExchange.json("{\"path\":\"src/server.js\"}"));
        });
        assertThat(response.usage()).contains(TokenUsage.reported(900, 0, 30));
    }

    @Test
    void callsWithoutIdsOrArguments_getIdsUniqueInTheStep_andAnEmptyObject() {
        // given: a server that names no call ids and sends no arguments for a tool without parameters
        standIn.reply(Reply.json(200, """
                {"id": "x", "object": "chat.completion", "created": 1, "model": "m",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": null, "tool_calls": [
                    {"type": "function", "function": {"name": "list_files", "arguments": ""}},
                    {"type": "function", "function": {"name": "read_file", "arguments": "{\\"path\\": \\"a.js\\"}"}}]},
                   "finish_reason": "tool_calls"}]}"""));

        // when
        ProviderResponse response = provider(standIn, TIMEOUT).chat(ToolExchange.request(model()));

        // then: the round is in the ids, so a later round's calls do not repeat them
        assertThat(response.toolCalls()).extracting(ToolCall::id).containsExactly("call-2-1", "call-2-2");
        assertThat(response.toolCalls()).extracting(ToolCall::arguments).containsExactly("{}", "{\"path\": \"a.js\"}");
    }

    @Test
    void anAnswerCutAtTheLimit_isMarkedTruncated() {
        standIn.reply(OpenAiWire.toolCall("call_q1", "{\"path\":", "length"));

        assertThat(provider(standIn, TIMEOUT).chat(ToolExchange.request(model())).truncated()).isTrue();
    }

    private ChatProvider compatible(Optional<String> key, Duration timeout) {
        return OpenAiAdapter.compatible(key, standIn.uri("/v1"), new ProviderHttpClientBuilder(HttpClient.newHttpClient(), timeout),
                Clock.systemUTC());
    }
}
