package dev.samokoder.llm.providers;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.ledger.LlmCall;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.LlmRequest;
import dev.samokoder.core.llm.LlmResponse;
import dev.samokoder.core.llm.ToolChoice;
import dev.samokoder.core.models.Provider;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.llm.gateway.LlmGateway;
import dev.samokoder.llm.providers.StandIn.Reply;
import dev.samokoder.services.llmkeys.LlmKeyOwner;
import dev.samokoder.services.llmkeys.LlmKeyService;
import dev.samokoder.services.wiring.TestWiring;
import dev.samokoder.services.wiring.Wiring;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway as an agent step wires it (configuration → providers → ledger), against a stand-in and the embedded table. */
@ExtendWith(LocalAwsExtension.class)
class GatewayOverHttpIT {

    private final StandIn standIn = new StandIn();
    private final CallScope scope = CallScope.of(Ids.newId("run"), Ids.newId("prj"), Ids.newId("usr"), "SpecWriter");

    @AfterEach
    void stopStandIn() {
        standIn.close();
    }

    @Test
    void aRateLimitedCall_waitsTheServersHint_thenSucceeds_andIsPricedFromTheOverlaidTable(LocalAws aws, @TempDir Path dir)
            throws IOException {
        // given: an OpenAI-compatible server priced by a table file, which first says "wait 200 ms"
        Path prices = Files.writeString(dir.resolve("prices.json"), """
                {"models": {"openai-compatible:llama3.1": {"inputPerMillion": 1.00, "cachedInputPerMillion": 0.50,
                  "outputPerMillion": 2.00, "contextWindow": 8192, "maxOutputTokens": 1024}}}""");
        standIn.replies(
                Reply.json(429, "{\"error\": {\"message\": \"slow down\"}}").withHeader("retry-after-ms", "200"),
                Reply.json(200, """
                        {"id": "c1", "object": "chat.completion", "created": 1, "model": "llama3.1",
                         "choices": [{"index": 0, "message": {"role": "assistant", "content": "the spec"}, "finish_reason": "stop"}],
                         "usage": {"prompt_tokens": 40, "completion_tokens": 9, "total_tokens": 49}}"""));
        LlmGateway gateway = gateway(aws, Map.of(
                "SAMOKODER_LLM_MODEL", "openai-compatible:llama3.1",
                "SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", standIn.uri("/v1").toString(),
                "SAMOKODER_LLM_PRICE_TABLE", prices.toString()));

        // when
        LlmResponse response = gateway.complete(LlmRequest.of(scope, List.of(LlmMessage.user("a todo app"))));

        // then
        assertThat(response.text()).isEqualTo("the spec");
        assertThat(standIn.received()).hasSize(2);
        assertThat(standIn.last().json().path("max_tokens").asInt()).isEqualTo(1024);
        assertThat(response.costUsd()).isEqualByComparingTo("0.000058");
        LlmCall call = ledger(aws).runCalls(scope.runId()).getFirst();
        assertThat(call.costUsd()).isEqualByComparingTo("0.000058");
        assertThat(call.provider()).isEqualTo("openai-compatible");
    }

    @Test
    void aReplayedRun_answersFromTheTranscriptFile_andItsSummarySaysSo(LocalAws aws, @TempDir Path dir) throws IOException {
        // given
        Path transcript = Files.writeString(dir.resolve("transcript.jsonl"), """
                {"agent": "SpecWriter", "step": "call", "round": 1, "text": "a todo app with due dates"}
                {"agent": "Architect", "step": "call", "round": 1, "text": "React + a REST API"}
                """);
        LlmGateway gateway = gateway(aws, Map.of("SAMOKODER_LLM_MODEL", "replay:demo",
                "SAMOKODER_LLM_REPLAY_TRANSCRIPT", transcript.toString()));

        // when
        LlmResponse spec = gateway.complete(LlmRequest.of(scope, List.of(LlmMessage.user("describe it"))));
        LlmResponse plan = gateway.complete(LlmRequest.of(scope.forAgent("Architect"), List.of(LlmMessage.user("plan it"))));

        // then
        assertThat(spec.text()).isEqualTo("a todo app with due dates");
        assertThat(plan.text()).isEqualTo("React + a REST API");
        assertThat(standIn.received()).isEmpty();
        assertThat(ledger(aws).runCost(scope.runId()).summary()).contains("2 model call(s)").contains("replayed");
    }

    @Test
    void theUsersStoredKey_andAProjectsOwnKey_reachTheProvider_throughThePlatformsWiring(LocalAws aws, @TempDir Path dir) {
        // given: the gateway as the agents' function builds it (stored keys, then the configuration's, metered billing),
        // no key configured, and the user's own key for an OpenAI-compatible server stored encrypted (BYOK)
        standIn.reply(Reply.json(200, """
                {"id": "c1", "object": "chat.completion", "created": 1, "model": "llama3.1",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "the spec"}, "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 40, "completion_tokens": 9, "total_tokens": 49}}"""));
        Map<String, String> env = new HashMap<>(Map.of("SAMOKODER_LLM_MODEL", "openai-compatible:llama3.1",
                "SAMOKODER_LLM_KEY_PRIVATE_BASE_URLS", "true", "SAMOKODER_TABLE", aws.config().aws().tableName()));
        SamokoderConfig defaults = aws.config().withLlm(SamokoderConfig.fromEnv(env).llm());
        var local = defaults.local();
        SamokoderConfig config = defaults.withLocal(new SamokoderConfig.Local(dir, local.host(), local.port(), local.dynamoDbPort(),
                local.s3Port(), local.sqsPort(), local.sfnPort(), local.staticDir()));
        Wiring wiring = TestWiring.of(config, aws.clients(), Clock.systemUTC());
        LlmGateway gateway = LlmGateways.fromWiring(wiring);
        LlmKeyService keys = wiring.llmKeys();
        keys.put(LlmKeyOwner.user(scope.userId()), Provider.OPENAI_COMPATIBLE, "gsk-own-key-0001", Optional.of(standIn.uri("/v1")));

        // when
        gateway.complete(LlmRequest.of(scope, List.of(LlmMessage.user("a todo app"))));

        // then
        assertThat(standIn.last().header("Authorization")).isEqualTo("Bearer gsk-own-key-0001");

        // and a key stored on the project wins over its owner's, for that project's calls
        keys.put(LlmKeyOwner.project(scope.projectId()), Provider.OPENAI_COMPATIBLE, "gsk-project-key-0002",
                Optional.of(standIn.uri("/v1")));
        gateway.complete(LlmRequest.of(scope, List.of(LlmMessage.user("a todo app"))));
        assertThat(standIn.last().header("Authorization")).isEqualTo("Bearer gsk-project-key-0002");
        assertThat(ledger(aws).runCalls(scope.runId())).hasSize(2);
    }

    @Test
    void toolsGoNatively_toAModelThatCallsTools_andItsCallsComeBack(LocalAws aws, @TempDir Path dir) throws IOException {
        // given
        standIn.reply(OpenAiWire.toolCall("call_n1", "{\"path\":\"src/server.js\"}", "tool_calls"));
        LlmGateway gateway = gateway(aws, Map.of("SAMOKODER_LLM_MODEL", "openai-compatible:llama3.1",
                "SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", standIn.uri("/v1").toString(),
                "SAMOKODER_LLM_PRICE_TABLE", prices(dir, true).toString()));

        // when
        LlmResponse response = gateway.complete(toolRequest(ToolExchange.conversation()));

        // then
        OpenAiWire.assertToolRequest(standIn.last().json());
        assertThat(response.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("call_n1");
            assertThat(call.name()).isEqualTo("read_file");
        });
        assertThat(response.text()).isEmpty();
    }

    @Test
    void toolsGoAsText_toAModelWithoutToolCalling_andItsJsonAnswerIsReadAsCalls(LocalAws aws, @TempDir Path dir) throws IOException {
        // given: a small local model the catalogue says cannot call tools, answering with the JSON the prompt asks for
        standIn.reply(Reply.json(200, """
                {"id": "c1", "object": "chat.completion", "created": 1, "model": "llama3.1",
                 "choices": [{"index": 0, "message": {"role": "assistant",
                   "content": "{\\"tool_calls\\": [{\\"name\\": \\"read_file\\", \\"arguments\\": {\\"path\\": \\"src/server.js\\"}}]}"},
                   "finish_reason": "stop"}],
                 "usage": {"prompt_tokens": 400, "completion_tokens": 20, "total_tokens": 420}}"""));
        LlmGateway gateway = gateway(aws, Map.of("SAMOKODER_LLM_MODEL", "openai-compatible:llama3.1",
                "SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", standIn.uri("/v1").toString(),
                "SAMOKODER_LLM_PRICE_TABLE", prices(dir, false).toString()));

        // when
        LlmResponse response = gateway.complete(toolRequest(ToolExchange.conversation()));

        // then: no tools on the wire; they are described in the system message, the earlier call and its result are text
        JsonNode body = standIn.last().json();
        assertThat(body.has("tools")).isFalse();
        assertThat(body.has("tool_choice")).isFalse();
        JsonNode messages = body.path("messages");
        assertThat(messages).extracting(m -> m.path("role").asText()).containsExactly("system", "user", "assistant", "user");
        assertThat(messages.get(0).path("content").asText()).contains("read_file").contains("submit").contains("tool_calls");
        assertThat(messages.get(3).path("content").asText()).contains(ToolExchange.PREVIOUS_CALL.id()).contains(ToolExchange.PREVIOUS_RESULT);

        // and the JSON answer is the call
        assertThat(response.text()).isEmpty();
        assertThat(response.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("read_file");
            assertThat(ToolExchange.json(call.arguments())).isEqualTo(ToolExchange.json("{\"path\":\"src/server.js\"}"));
        });
    }

    @Test
    void aRecordedRun_replaysFromTheTranscriptItWrote_callForCall(LocalAws aws, @TempDir Path dir) throws IOException {
        // given: a run recorded against the stand-in
        Path transcript = dir.resolve("recorded.jsonl");
        standIn.reply(OpenAiWire.toolCall("call_n1", "{\"path\":\"src/server.js\"}", "tool_calls"));
        LlmGateway recording = gateway(aws, Map.of("SAMOKODER_LLM_MODEL", "openai-compatible:llama3.1",
                "SAMOKODER_LLM_OPENAI_COMPATIBLE_BASE_URL", standIn.uri("/v1").toString(),
                "SAMOKODER_LLM_PRICE_TABLE", prices(dir, true).toString(), "SAMOKODER_LLM_RECORD", transcript.toString()));
        LlmResponse recorded = recording.complete(toolRequest(ToolExchange.conversation()));

        // when: the same exchange on the replay model, from that file
        LlmGateway replaying = gateway(aws, Map.of("SAMOKODER_LLM_MODEL", "replay:demo",
                "SAMOKODER_LLM_REPLAY_TRANSCRIPT", transcript.toString()));
        LlmResponse replayed = replaying.complete(toolRequest(ToolExchange.conversation()));

        // then
        assertThat(standIn.received()).hasSize(1);
        assertThat(replayed.replayed()).isTrue();
        assertThat(replayed.toolCalls()).isEqualTo(recorded.toolCalls());
    }

    private LlmRequest toolRequest(List<LlmMessage> conversation) {
        return LlmRequest.of(scope.forAgent("CodeMonkey"), conversation)
                .withTools(List.of(ToolExchange.READ_FILE, ToolExchange.SUBMIT), ToolChoice.REQUIRED)
                .withExchange(new Exchange("task 1 · src/server.js", 2));
    }

    private static Path prices(Path dir, boolean toolCalling) throws IOException {
        return Files.writeString(dir.resolve("prices-" + toolCalling + ".json"), """
                {"models": {"openai-compatible:llama3.1": {"inputPerMillion": 1.00, "cachedInputPerMillion": 0.50,
                  "outputPerMillion": 2.00, "contextWindow": 8192, "maxOutputTokens": 1024, "toolCalling": %s}}}""".formatted(toolCalling));
    }

    private static LlmGateway gateway(LocalAws aws, Map<String, String> llmEnv) {
        Map<String, String> env = new HashMap<>(llmEnv);
        env.put("SAMOKODER_TABLE", aws.config().aws().tableName());
        SamokoderConfig config = aws.config().withLlm(SamokoderConfig.fromEnv(env).llm());
        return LlmGateways.fromWiring(TestWiring.of(config, aws.clients(), Clock.systemUTC()));
    }

    private static CostLedger ledger(LocalAws aws) {
        return new CostLedger(aws.clients().dynamoDb(), aws.storage().table(), Clock.systemUTC());
    }
}
