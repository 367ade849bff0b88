package dev.samokoder.llm.providers;

import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ProviderRejectedRequestException;
import dev.samokoder.core.llm.RateLimitedException;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.models.ModelCapabilities;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ProviderRequest;
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

class OpenAiAdapterIT extends WireErrorsContract {

    @Override
    ChatProvider provider(StandIn standIn, Duration timeout) {
        return OpenAiAdapter.openAi("sk-test-key", standIn.uri("/v1"),
                new ProviderHttpClientBuilder(HttpClient.newHttpClient(), timeout), Clock.systemUTC());
    }

    @Override
    ModelRef model() {
        return ModelRef.parse("openai:gpt-4.1-mini");
    }

    @Override
    Reply error(int status, String type, String message) {
        return Reply.json(status, """
                {"error": {"message": "%s", "type": "%s", "param": null, "code": null}}""".formatted(message, type));
    }

    @Override
    Reply success(String text) {
        return Reply.json(200, """
                {"id": "chatcmpl-1", "object": "chat.completion", "created": 1700000000, "model": "gpt-4.1-mini",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "%s"}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 1200, "completion_tokens": 80, "total_tokens": 1280,
                           "prompt_tokens_details": {"cached_tokens": 1024}}}""".formatted(text));
    }

    @Test
    void theRequest_isAChatCompletion_withTheKeyTheModelTheMessagesAndMaxCompletionTokens() {
        // given
        standIn.reply(success("hello"));
        List<LlmMessage> conversation = List.of(LlmMessage.system("you write specs"), LlmMessage.user("a todo app"),
                LlmMessage.assistant("which storage?"), LlmMessage.user("local storage"));

        // when
        provider(standIn, TIMEOUT).chat(request(conversation));

        // then
        StandIn.Received sent = standIn.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test-key");
        JsonNode body = sent.json();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4.1-mini");
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(256);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("stream").asBoolean(false)).isFalse();
        assertThat(body.path("messages")).extracting(m -> m.path("role").asText() + ": " + m.path("content").asText())
                .containsExactly("system: you write specs", "user: a todo app", "assistant: which storage?", "user: local storage");
    }

    @Test
    void theAnswer_andItsUsage_areRead_cachedTokensInsideThePrompt() {
        // given
        standIn.reply(success("hello"));

        // when
        ProviderResponse response = provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi"))));

        // then
        assertThat(response.text()).isEqualTo("hello");
        assertThat(response.usage()).contains(TokenUsage.reported(1200, 1024, 80));
        assertThat(response.truncated()).isFalse();
    }

    @Test
    void anAnswerCutAtTheLimit_isMarkedTruncated() {
        // given
        standIn.reply(Reply.json(200, success("partial").body().replace("\"stop\"", "\"length\"")));

        // when / then
        assertThat(provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi")))).truncated()).isTrue();
    }

    @Test
    void aToolCallingExchange_sendsTheToolsTheRequiredChoiceAndThePreviousCall_andReadsTheCallTheModelMakes() {
        // given
        standIn.reply(OpenAiWire.toolCall("call_next_1", "{\"path\": \"src/server.js\"}", "tool_calls"));

        // when
        ProviderResponse response = provider(standIn, TIMEOUT).chat(ToolExchange.request(model()));

        // then
        OpenAiWire.assertToolRequest(standIn.last().json());
        assertThat(response.text()).isEmpty();
        assertThat(response.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("call_next_1");
            assertThat(call.name()).isEqualTo("read_file");
            assertThat(ToolExchange.json(call.arguments())).isEqualTo(ToolExchange.json("{\"path\": \"src/server.js\"}"));
        });
        assertThat(response.usage()).contains(TokenUsage.reported(900, 0, 30));
        assertThat(response.truncated()).isFalse();
    }

    @Test
    void aToolCallCutAtTheLimit_isMarkedTruncated_andKeepsItsArgumentsAsTheyCame() {
        // given: the output limit hit in the middle of the arguments
        standIn.reply(OpenAiWire.toolCall("call_next_1", "{\"path\": \"src/ser", "length"));

        // when
        ProviderResponse response = provider(standIn, TIMEOUT).chat(ToolExchange.request(model()));

        // then: the tool loop tells the model its call was cut, so the broken JSON must reach it unchanged
        assertThat(response.truncated()).isTrue();
        assertThat(response.toolCalls()).singleElement().satisfies(call -> assertThat(call.arguments()).isEqualTo("{\"path\": \"src/ser"));
    }

    @Test
    void withStructuredOutput_aSingleRequiredTool_isAskedAsAJsonSchemaAnswer_andTheAnswerIsThatToolsCall() {
        // given: a model whose catalogue entry says structuredOutput, and a step's last round (submit only)
        standIn.reply(success("{\\\"verdict\\\": \\\"APPROVE\\\", \\\"notes\\\": []}"));
        ProviderRequest request = ToolExchange.request(model(), List.of(LlmMessage.system("you review code"), LlmMessage.user("review it")),
                List.of(ToolExchange.SUBMIT), new ModelCapabilities(true, true));

        // when
        ProviderResponse response = provider(standIn, TIMEOUT).chat(request);

        // then: the schema travels as the response format, not as a tool
        JsonNode body = standIn.last().json();
        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("tool_choice")).isFalse();
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("submit");
        JsonNode schema = format.path("json_schema").path("schema");
        assertThat(schema.path("type").asText()).isEqualTo("object");
        assertThat(schema.path("properties").path("verdict").path("enum").toString()).isEqualTo("[\"APPROVE\",\"REVISE\"]");
        assertThat(schema.path("required").toString()).isEqualTo("[\"verdict\",\"notes\"]");

        // and the JSON answer comes back as the submit call
        assertThat(response.text()).isEmpty();
        assertThat(response.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo(LangChain4jChatProvider.STRUCTURED_CALL_ID + "-2"); // the round: ids stay unique in the step
            assertThat(call.name()).isEqualTo("submit");
            assertThat(ToolExchange.json(call.arguments())).isEqualTo(ToolExchange.json("{\"verdict\": \"APPROVE\", \"notes\": []}"));
        });
    }

    @Test
    void withoutStructuredOutput_aSingleRequiredTool_isANativeToolCall() {
        // given
        standIn.reply(OpenAiWire.toolCall("call_next_1", "{}", "tool_calls"));
        ProviderRequest request = ToolExchange.request(model(), List.of(LlmMessage.user("review it")), List.of(ToolExchange.SUBMIT),
                ModelCapabilities.TOOLS);

        // when
        provider(standIn, TIMEOUT).chat(request);

        // then
        JsonNode body = standIn.last().json();
        assertThat(body.path("tools")).hasSize(1);
        assertThat(body.path("tool_choice").asText()).isEqualTo("required");
        assertThat(body.has("response_format")).isFalse();
    }

    @Test
    void retryAfterMs_isTheHint_whenOpenAiSendsIt() {
        // given
        standIn.reply(error(429, "requests", "Rate limit reached").withHeader("retry-after-ms", "1500").withHeader("retry-after", "2"));

        // when / then
        assertThatThrownBy(() -> provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi")))))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).contains(Duration.ofMillis(1500)));
    }

    @Test
    void anExhaustedQuota_isNotARateLimitToWaitOut() {
        // given: OpenAI answers "out of credit" with a 429 too
        standIn.reply(Reply.json(429, """
                {"error": {"message": "You exceeded your current quota", "type": "insufficient_quota", "code": "insufficient_quota"}}"""));

        // when / then
        assertThatThrownBy(() -> provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi")))))
                .isInstanceOf(ProviderRejectedRequestException.class).hasMessageContaining("quota");
    }

    @Test
    void theKey_neverAppearsInAnError() {
        // given
        standIn.reply(error(401, "invalid_request_error", "Incorrect API key provided"));

        // when / then
        assertThatThrownBy(() -> provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi")))))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("sk-test-key"));
    }
}
