package dev.samokoder.llm.providers;

import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.RateLimitedException;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.models.ModelCapabilities;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ProviderResponse;
import dev.samokoder.llm.providers.StandIn.Reply;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static Reply toolUse(String stopReason) {
        return Reply.json(200, """
                {"output": {"message": {"role": "assistant", "content": [
                   {"toolUse": {"toolUseId": "tooluse_kZJMlvQmRJ6eAyJE5GIl7Q", "name": "read_file",
                                "input": {"path": "src/server.js", "start_line": 3}}}]}},
                 "stopReason": "%s",
                 "usage": {"inputTokens": 900, "outputTokens": 30, "totalTokens": 930},
                 "metrics": {"latencyMs": 250}}""".formatted(stopReason));
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
    void aToolCallingExchange_sendsTheToolConfigWithAnyChoice_andThePreviousCallAsToolUseAndToolResult_andReadsTheCall() {
        // given
        standIn.reply(toolUse("tool_use"));

        // when
        ProviderResponse response = provider(standIn, TIMEOUT).chat(ToolExchange.request(model()));

        // then: the tools as tool specs with JSON input schemas, and "any" for a required call
        JsonNode body = standIn.last().json();
        JsonNode tools = body.path("toolConfig").path("tools");
        assertThat(tools).extracting(tool -> tool.path("toolSpec").path("name").asText()).containsExactly("read_file", "submit");
        assertThat(tools.get(0).path("toolSpec").path("description").asText()).isEqualTo("Read a file's lines, numbered.");
        ToolExchange.assertParameters(tools.get(0).path("toolSpec").path("inputSchema").path("json"),
                tools.get(1).path("toolSpec").path("inputSchema").path("json"));
        assertThat(body.path("toolConfig").path("toolChoice").path("any").isObject()).isTrue();

        // and the previous call is a toolUse block of the assistant, its result a toolResult block of the user
        JsonNode messages = body.path("messages");
        assertThat(messages).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "user");
        JsonNode use = messages.get(1).path("content");
        assertThat(use).hasSize(1); // no text block beside the call: Bedrock refuses blank text
        assertThat(use.get(0).path("toolUse").path("toolUseId").asText()).isEqualTo(ToolExchange.PREVIOUS_CALL.id());
        assertThat(use.get(0).path("toolUse").path("name").asText()).isEqualTo("read_file");
        assertThat(use.get(0).path("toolUse").path("input")).isEqualTo(ToolExchange.json(ToolExchange.PREVIOUS_CALL.arguments()));
        JsonNode result = messages.get(2).path("content");
        assertThat(result).hasSize(1);
        assertThat(result.get(0).path("toolResult").path("toolUseId").asText()).isEqualTo(ToolExchange.PREVIOUS_CALL.id());
        assertThat(result.get(0).path("toolResult").path("content").get(0).path("text").asText()).isEqualTo(ToolExchange.PREVIOUS_RESULT);

        // and the answer's call is read
        assertThat(response.text()).isEmpty();
        assertThat(response.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("tooluse_kZJMlvQmRJ6eAyJE5GIl7Q");
            assertThat(call.name()).isEqualTo("read_file");
            assertThat(ToolExchange.json(call.arguments())).isEqualTo(ToolExchange.json("{\"path\": \"src/server.js\", \"start_line\": 3}"));
        });
        assertThat(response.usage()).contains(TokenUsage.reported(900, 0, 30));
        assertThat(response.truncated()).isFalse();
    }

    @Test
    void aUserMessageAfterToolResults_joinsTheirTurn_sinceConverseWantsTurnsToAlternate() {
        // given: the tool loop's "last model call" note comes right after the previous round's tool results
        standIn.reply(toolUse("tool_use"));
        List<LlmMessage> conversation = new ArrayList<>(ToolExchange.conversation());
        conversation.add(LlmMessage.user("This is the last model call of this step."));

        // when
        provider(standIn, TIMEOUT).chat(ToolExchange.request(model(), conversation, List.of(ToolExchange.SUBMIT), ModelCapabilities.TOOLS));

        // then
        JsonNode messages = standIn.last().json().path("messages");
        assertThat(messages).extracting(m -> m.path("role").asText()).containsExactly("user", "assistant", "user");
        JsonNode last = messages.get(2).path("content");
        assertThat(last).hasSize(2);
        assertThat(last.get(0).path("toolResult").path("toolUseId").asText()).isEqualTo(ToolExchange.PREVIOUS_CALL.id());
        assertThat(last.get(1).path("text").asText()).isEqualTo("This is the last model call of this step.");
    }

    @Test
    void aPreviousCallWithoutArguments_goesAsAnEmptyInput() {
        // given: a call of a tool without parameters, whose arguments a provider gave as nothing at all
        standIn.reply(toolUse("tool_use"));
        ToolCall bare = new ToolCall("call_prev_2", "list_files", "");
        List<LlmMessage> conversation = List.of(LlmMessage.user("add a health endpoint"), LlmMessage.assistant("", List.of(bare)),
                LlmMessage.toolResult(bare, "src/server.js"));

        // when
        provider(standIn, TIMEOUT).chat(ToolExchange.request(model(), conversation, List.of(ToolExchange.SUBMIT), ModelCapabilities.TOOLS));

        // then
        JsonNode use = standIn.last().json().path("messages").get(1).path("content").get(0).path("toolUse");
        assertThat(use.path("toolUseId").asText()).isEqualTo("call_prev_2");
        assertThat(use.path("input")).isEqualTo(ToolExchange.json("{}"));
    }

    @Test
    void anAnswerCutAtMaxTokens_isMarkedTruncated() {
        standIn.reply(Reply.json(200, success("partial").body().replace("end_turn", "max_tokens")));

        assertThat(provider(standIn, TIMEOUT).chat(request(List.of(LlmMessage.user("hi")))).truncated()).isTrue();
    }

    @Test
    void aToolCallCutAtMaxTokens_isMarkedTruncated() {
        standIn.reply(toolUse("max_tokens"));

        assertThat(provider(standIn, TIMEOUT).chat(ToolExchange.request(model())).truncated()).isTrue();
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
