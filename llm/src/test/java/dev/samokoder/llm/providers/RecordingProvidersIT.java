package dev.samokoder.llm.providers;

import dev.samokoder.core.llm.ProviderKey;
import dev.samokoder.core.llm.ProviderUnavailableException;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.Provider;
import dev.samokoder.llm.provider.ChatProvider;
import dev.samokoder.llm.provider.ProviderResponse;
import dev.samokoder.llm.providers.StandIn.Reply;
import dev.samokoder.llm.replay.RecordedExchange;
import dev.samokoder.llm.replay.RecordingChatProvider;
import dev.samokoder.llm.replay.Redactor;
import dev.samokoder.llm.replay.ReplayTranscript;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code SAMOKODER_LLM_RECORD}: the providers' answers appended to a transcript, the call's key taken out. */
class RecordingProvidersIT {

    /** No credential's shape: only the call's own key, which the recorder is given, can take it out. */
    private static final String KEY = "test-key-Zq81Xw47LmPp";
    private static final ModelRef MODEL = ModelRef.parse("openai:gpt-4.1-mini");

    private final StandIn standIn = new StandIn();

    @AfterEach
    void stopStandIn() {
        standIn.close();
    }

    @Test
    void eachAnsweredCall_appendsOneLine_withoutTheKeyTheCallWasMadeWith(@TempDir Path dir) throws IOException {
        // given: a model that repeats the key in its text and in its call's arguments
        Path transcript = dir.resolve("runs/transcript.jsonl");
        standIn.reply(answerRepeatingTheKey());
        ChatProvider provider = providers(Optional.of(transcript)).forModel(MODEL, "usr_a");

        // when
        ProviderResponse response = provider.chat(ToolExchange.request(MODEL));

        // then: the caller gets the answer as it came, with the key the call was made with
        assertThat(standIn.last().header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(response.text()).contains(KEY);

        // and the transcript holds one line, keyed by agent, step and round, with the key redacted everywhere
        List<String> lines = Files.readAllLines(transcript);
        assertThat(lines).hasSize(1);
        assertThat(lines.getFirst()).doesNotContain(KEY).contains(Redactor.REDACTED);
        JsonNode line = ToolExchange.json(lines.getFirst());
        assertThat(line.path("agent").asText()).isEqualTo("CodeMonkey");
        assertThat(line.path("step").asText()).isEqualTo("task 1 · src/server.js");
        assertThat(line.path("round").asInt()).isEqualTo(2);
        assertThat(line.path("toolCalls").get(0).path("id").asText()).isEqualTo("call_next_1");
        assertThat(line.path("toolCalls").get(0).path("arguments").path("path").asText()).isEqualTo("src/server.js");

        // and it replays as the same call
        RecordedExchange replayed = ReplayTranscript.load(transcript).answer("CodeMonkey", ToolExchange.request(MODEL).exchange()).orElseThrow();
        assertThat(replayed.toolCalls()).singleElement().satisfies(call -> assertThat(call.name()).isEqualTo("write_file"));

        // and a second call is a second line
        provider.chat(ToolExchange.request(MODEL));
        assertThat(Files.readAllLines(transcript)).hasSize(2);
    }

    @Test
    void aFailedCall_recordsNothing(@TempDir Path dir) {
        // given
        Path transcript = dir.resolve("transcript.jsonl");
        standIn.reply(Reply.json(500, "{\"error\": {\"message\": \"internal\"}}"));

        // when / then
        assertThatThrownBy(() -> providers(Optional.of(transcript)).forModel(MODEL, "usr_a").chat(ToolExchange.request(MODEL)))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(transcript).doesNotExist();
    }

    @Test
    void withoutARecordPath_theProvidersAreNotWrapped() {
        assertThat(providers(Optional.empty()).forModel(MODEL, "usr_a")).isNotInstanceOf(RecordingChatProvider.class);
    }

    private LangChain4jProviders providers(Optional<Path> record) {
        return new LangChain4jProviders((userId, provider) -> provider == Provider.OPENAI ? Optional.of(ProviderKey.apiKey(KEY)) : Optional.empty(),
                new ProviderEndpoints(standIn.uri("/v1"), standIn.uri("/v1/")), WireErrorsContract.TIMEOUT,
                () -> {
                    throw new AssertionError("no Bedrock in this test");
                }, Optional.empty(), Duration.ZERO, Clock.systemUTC(), record);
    }

    private static Reply answerRepeatingTheKey() {
        String arguments = ToolExchange.JSON.createObjectNode().put("path", "src/server.js").put("content", "const KEY = '" + KEY + "';").toString();
        return Reply.json(200, """
                {"id": "chatcmpl-3", "object": "chat.completion", "created": 1700000000, "model": "gpt-4.1-mini",
                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "I put %s in the server.",
                   "tool_calls": [{"id": "call_next_1", "type": "function", "function": {"name": "write_file", "arguments": %s}}]},
                   "finish_reason": "tool_calls"}],
                 "usage": {"prompt_tokens": 900, "completion_tokens": 30, "total_tokens": 930}}"""
                .formatted(KEY, ToolExchange.JSON.getNodeFactory().textNode(arguments)));
    }
}
