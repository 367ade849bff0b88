package dev.samokoder.llm.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.llm.providers.StandIn.Reply;
import dev.samokoder.shared.llm.LlmMessage;
import dev.samokoder.shared.llm.ProviderUnavailableException;
import dev.samokoder.shared.llm.TokenUsage;
import dev.samokoder.shared.llm.model.ModelRef;
import dev.samokoder.shared.llm.provider.ChatProvider;
import dev.samokoder.shared.llm.provider.ProviderResponse;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    void overloaded_isTheUnavailableError() {
        // given: Anthropic's 529
        standIn.reply(error(529, "overloaded_error", "Overloaded"));

        // when / then
        assertThatThrownBy(() -> provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi")))))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> assertThat(e.status()).hasValue(529));
    }
}
