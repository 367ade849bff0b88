package dev.samokoder.llm.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.llm.providers.StandIn.Reply;
import dev.samokoder.shared.llm.LlmMessage;
import dev.samokoder.shared.llm.RateLimitedException;
import dev.samokoder.shared.llm.TokenUsage;
import dev.samokoder.shared.llm.model.ModelRef;
import dev.samokoder.shared.llm.provider.ChatProvider;
import dev.samokoder.shared.llm.provider.ProviderResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Bedrock Converse through the real SDK client, its endpoint overridden to the stand-in. */
class BedrockAdapterIT extends WireErrorsContract {

    @Override
    ChatProvider provider(StandIn standIn, Duration timeout) {
        var client = BedrockAdapter.client("us-east-1",
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")), timeout,
                Optional.of(standIn.uri("")));
        return BedrockAdapter.bedrock(client, Clock.systemUTC());
    }

    @Override
    ModelRef model() {
        return ModelRef.parse("bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0");
    }

    @Override
    int authFailureStatus() {
        return 403; // Bedrock refuses credentials with 403 (AccessDenied, UnrecognizedClient)
    }

    @Override
    Reply error(int status, String type, String message) {
        String errorType = switch (status) {
            case 403 -> "AccessDeniedException";
            case 429 -> "ThrottlingException";
            case 400 -> "ValidationException";
            default -> "InternalServerException";
        };
        return new Reply(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", errorType),
                "{\"message\": \"" + message + "\"}", Duration.ZERO);
    }

    @Override
    Reply success(String text) {
        return Reply.json(200, """
                {"output": {"message": {"role": "assistant", "content": [{"text": "%s"}]}},
                 "stopReason": "end_turn",
                 "usage": {"inputTokens": 100, "outputTokens": 20, "totalTokens": 170, "cacheReadInputTokens": 40, "cacheWriteInputTokens": 10},
                 "metrics": {"latencyMs": 250}}""".formatted(text));
    }

    @Test
    void theRequest_isAConverseCall_signedByTheSdk_withTheModelInThePath() {
        // given
        standIn.reply(success("hello"));
        List<LlmMessage> conversation = List.of(LlmMessage.system("you write specs"), LlmMessage.user("a todo app"));

        // when
        provider(standIn, TIMEOUT).chat(request(conversation));

        // then
        StandIn.Received sent = standIn.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/model/anthropic.claude-3-5-sonnet-20240620-v1%3A0/converse");
        assertThat(sent.header("Authorization")).startsWith("AWS4-HMAC-SHA256").contains("/us-east-1/bedrock/");
        JsonNode body = sent.json();
        assertThat(body.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(256);
        assertThat(body.path("inferenceConfig").path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("system").toString()).contains("you write specs");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("messages").get(0).toString()).contains("a todo app");
    }

    @Test
    void theUsage_countsCacheReadsAndWritesAsPromptTokens() {
        standIn.reply(success("hello"));

        ProviderResponse response = provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi"))));

        assertThat(response.text()).isEqualTo("hello");
        assertThat(response.usage()).contains(TokenUsage.reported(150, 40, 20));
    }

    @Test
    void throttlingWithoutAHint_isARateLimitWithoutRetryAfter() {
        // given: Bedrock throttles without saying for how long
        standIn.reply(error(429, "", "Too many requests, please wait before trying again."));

        // when / then
        assertThatThrownBy(() -> provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi")))))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.retryAfter()).isEmpty());
    }

    @Test
    void theSdkRetriesNothing_theGatewayDoes() {
        // given
        standIn.reply(error(500, "", "boom"));

        // when / then
        assertThatThrownBy(() -> provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi")))));
        assertThat(standIn.received()).hasSize(1);
    }
}
