package dev.samokoder.llm.providers;

import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ProviderUnavailableException;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ProviderResponse;
import dev.samokoder.llm.providers.StandIn.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnthropicAdapterIT extends WireErrorsContract {

    @Override
    ChatProvider provider(StandIn standIn, Duration timeout) {
        return AnthropicAdapter.anthropic("ak-test-key", standIn.uri("/v1/"),
                new ProviderHttpClientBuilder(HttpClient.newHttpClient(), timeout), Clock.systemUTC());
    }

    @Override
    ModelRef model() {
        return ModelRef.parse("anthropic:claude-sonnet-4-5");
    }

    @Override
    Reply error(int status, String type, String message) {
        return Reply.json(status, """
                {"type": "error", "error": {"type": "%s", "message": "%s"}}""".formatted(type, message));
    }

    @Override
    Reply success(String text) {
        return Reply.json(200, """
                {"id": "msg_01", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
                 "content": [{"type": "text", "text": "%s"}], "stop_reason": "end_turn", "stop_sequence": null,
                 "usage": {"input_tokens": 100, "output_tokens": 20, "cache_read_input_tokens": 300, "cache_creation_input_tokens": 50}}"""
                .formatted(text));
    }

    private static Reply toolUse(String stopReason) {
        return Reply.json(200, """
                {"id": "msg_02", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5",
                 "content": [{"type": "text", "text": "Let me read the server."},
                             {"type": "tool_use", "id": "toolu_01A", "name": "read_file", "input": {"path": "src/server.js"}}],
                 "stop_reason": "%s", "stop_sequence": null,
                 "usage": {"input_tokens": 900, "output_tokens": 30}}""".formatted(stopReason));
    }

    @Test
    void theRequest_isAMessagesCall_withTheKeyHeaderTheVersionTheSystemPromptAndMaxTokens() {
        // given
        standIn.reply(success("hello"));
        List<LlmMessage> conversation = List.of(LlmMessage.system("you write specs"), LlmMessage.user("a todo app"),
                LlmMessage.assistant("which storage?"), LlmMessage.user("local storage"));

        // when
        provider(standIn, TIMEOUT).chat(request(conversation));

        // then
        StandIn.Received sent = standIn.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.header("x-api-key")).isEqualTo("ak-test-key");
        assertThat(sent.header("anthropic-version")).isNotBlank();
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(256);
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("system").toString()).contains("you write specs");
        assertThat(body.path("messages")).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "user");
        assertThat(body.path("messages").get(0).toString()).contains("a todo app");
    }

    @Test
    void theUsage_countsCacheReadsAndWritesAsPromptTokens() {
        // given: Anthropic counts cache reads and writes beside input_tokens
        standIn.reply(success("hello"));

        // when
        ProviderResponse response = provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi"))));

        // then
        assertThat(response.text()).isEqualTo("hello");
        assertThat(response.usage()).contains(TokenUsage.reported(450, 300, 20));
    }

    @Test
    void anAnswerCutAtMaxTokens_isMarkedTruncated() {
        standIn.reply(Reply.json(200, success("partial").body().replace("end_turn", "max_tokens")));

        assertThat(provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi")))).truncated()).isTrue();
    }

    @Test
    void aToolCallingExchange_sendsTheToolsAnyToolChoiceAndThePreviousCallAsContentBlocks_andReadsTheCall() {
        // given: Anthropic answers with text and a tool_use block
        standIn.reply(toolUse("tool_use"));

        // when
        ProviderResponse response = provider(standIn, TIMEOUT).chat(ToolExchange.request(model()));

        // then: the tools with their input schemas, and "any" for a required call
        JsonNode body = standIn.last().json();
        JsonNode tools = body.path("tools");
        assertThat(tools).extracting(tool -> tool.path("name").asText()).containsExactly("read_file", "submit");
        assertThat(tools.get(0).path("description").asText()).isEqualTo("Read a file's lines, numbered.");
        ToolExchange.assertParameters(tools.get(0).path("input_schema"), tools.get(1).path("input_schema"));
        assertThat(body.path("tool_choice").path("type").asText()).isEqualTo("any");

        // and the previous call is a tool_use block of the assistant, its result a tool_result block of the user
        assertThat(body.path("system").toString()).contains("you write code");
        JsonNode messages = body.path("messages");
        assertThat(messages).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "user");
        JsonNode use = messages.get(1).path("content");
        assertThat(use).hasSize(1); // no empty text block beside the call: Anthropic refuses blank text
        assertThat(use.get(0).path("type").asText()).isEqualTo("tool_use");
        assertThat(use.get(0).path("id").asText()).isEqualTo(ToolExchange.PREVIOUS_CALL.id());
        assertThat(use.get(0).path("name").asText()).isEqualTo("read_file");
        assertThat(use.get(0).path("input")).isEqualTo(ToolExchange.json(ToolExchange.PREVIOUS_CALL.arguments()));
        JsonNode result = messages.get(2).path("content");
        assertThat(result).hasSize(1);
        assertThat(result.get(0).path("type").asText()).isEqualTo("tool_result");
        assertThat(result.get(0).path("tool_use_id").asText()).isEqualTo(ToolExchange.PREVIOUS_CALL.id());
        assertThat(result.get(0).path("content").asText()).isEqualTo(ToolExchange.PREVIOUS_RESULT);

        // and the answer's text and call are read
        assertThat(response.text()).isEqualTo("Let me read the server.");
        assertThat(response.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("toolu_01A");
            assertThat(call.name()).isEqualTo("read_file");
            assertThat(ToolExchange.json(call.arguments())).isEqualTo(ToolExchange.json("{\"path\": \"src/server.js\"}"));
        });
        assertThat(response.usage()).contains(TokenUsage.reported(900, 0, 30));
        assertThat(response.truncated()).isFalse();
    }

    @Test
    void aToolCallCutAtMaxTokens_isMarkedTruncated() {
        standIn.reply(toolUse("max_tokens"));

        assertThat(provider(standIn, TIMEOUT).chat(ToolExchange.request(model())).truncated()).isTrue();
    }

    @Test
    void overloaded_isTheUnavailableError() {
        // given: Anthropic's 529
        standIn.reply(error(529, "overloaded_error", "Overloaded"));

        // when / then
        assertThatThrownBy(() -> provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi")))))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.status()).hasValue(529));
    }
}
