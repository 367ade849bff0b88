package dev.samokoder.llm.replay;

import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ReplayExhaustedException;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.llm.ToolChoice;
import dev.samokoder.core.models.ModelCapabilities;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.llm.provider.ProviderRequest;
import dev.samokoder.llm.provider.ProviderResponse;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayTranscriptTest {

    private static final String TRANSCRIPT = """
            {"agent":"CodeMonkey","step":"task 1 · step 2 · src/b.js","round":1,"text":"","toolCalls":[{"id":"c1","name":"write_file","arguments":{"path":"src/b.js","content":"b"}}],"usage":{"promptTokens":900,"cachedTokens":100,"completionTokens":120}}
            {"agent":"CodeMonkey","step":"task 1 · step 1 · src/a.js","round":1,"text":"","toolCalls":[{"id":"c2","name":"read_file","arguments":{"path":"src/b.js"}}]}
            {"agent":"CodeMonkey","step":"task 1 · step 1 · src/a.js","round":2,"text":"","toolCalls":[{"id":"c3","name":"submit","arguments":{"summary":"a"}}]}

            {"agent":"SpecWriter","step":"spec","round":1,"text":"first answer"}
            {"agent":"SpecWriter","step":"spec","round":1,"text":"the answer the run went on with"}
            """;

    private final ReplayProvider replay = new ReplayProvider(ReplayTranscript.parse(TRANSCRIPT, "test.jsonl"));

    @Test
    void anExchange_getsTheAnswerRecordedForItsAgentStepAndRound_whateverTheOrderOfAsking() {
        // when: the parallel steps ask in the other order than they were recorded
        ProviderResponse a2 = replay.chat(request("CodeMonkey", "task 1 · step 1 · src/a.js", 2));
        ProviderResponse b1 = replay.chat(request("CodeMonkey", "task 1 · step 2 · src/b.js", 1));
        ProviderResponse a1 = replay.chat(request("CodeMonkey", "task 1 · step 1 · src/a.js", 1));

        // then
        assertThat(a1.toolCalls()).containsExactly(new ToolCall("c2", "read_file", "{\"path\":\"src/b.js\"}"));
        assertThat(a2.toolCalls()).extracting(ToolCall::name).containsExactly("submit");
        assertThat(b1.toolCalls().getFirst().arguments()).isEqualTo("{\"path\":\"src/b.js\",\"content\":\"b\"}");
        assertThat(b1.usage()).contains(TokenUsage.reported(900, 100, 120));
        assertThat(a1.usage()).isEmpty();
    }

    @Test
    void aKeyRecordedTwice_answersWithTheLaterAnswer_theOneTheRunWentOnWith() {
        assertThat(replay.chat(request("SpecWriter", "spec", 1)).text()).isEqualTo("the answer the run went on with");
    }

    @Test
    void anExchangeThatWasNotRecorded_isTheNamedReplayError_namingWhatWasRecorded() {
        assertThatThrownBy(() -> replay.chat(request("CodeMonkey", "task 2 · step 1 · src/c.js", 1)))
                .isInstanceOf(ReplayExhaustedException.class)
                .hasMessageContaining("CodeMonkey at task 2 · step 1 · src/c.js · round 1")
                .hasMessageContaining("task 1 · step 1 · src/a.js; task 1 · step 2 · src/b.js");
        assertThatThrownBy(() -> replay.chat(request("BugHunter", "task 1 · iteration 1", 1)))
                .isInstanceOf(ReplayExhaustedException.class).hasMessageContaining("nothing recorded for BugHunter");
    }

    @Test
    void aTranscriptMayBeOneObjectWithAListOfExchanges() {
        ReplayTranscript transcript = ReplayTranscript.parse("""
                {"exchanges": [
                  {"agent": "Architect", "step": "architecture", "round": 1, "text": "",
                   "toolCalls": [{"name": "submit", "arguments": {"stack": "NODE"}}]}
                ]}""", "t.json");

        assertThat(transcript.answer("Architect", new Exchange("architecture", 1)))
                .hasValueSatisfying(e -> assertThat(e.toolCalls().getFirst().id()).isEqualTo("call_1_1"));
    }

    @Test
    void aLineWrittenByTheRecorder_readsBackAsTheSameExchange() {
        RecordedExchange exchange = new RecordedExchange("BugHunter", new Exchange("task 1 · iteration 2", 3), "thinking",
                List.of(new ToolCall("id-1", "search", "{\"pattern\":\"createServer\"}"), new ToolCall("id-2", "write_file", "{\"path\":\"a")),
                Optional.of(TokenUsage.reported(10, 0, 5)), true);

        RecordedExchange back = ReplayTranscript.parse(ReplayTranscript.line(exchange), "line").exchanges().getFirst();

        assertThat(back).isEqualTo(exchange);
    }

    @Test
    void aDamagedTranscript_isRefusedWithWhereAndWhat() {
        assertThatThrownBy(() -> ReplayTranscript.parse("{\"agent\":\"SpecWriter\",\"step\":\"spec\",\"round\":0,\"text\":\"x\"}", "t.jsonl"))
                .hasMessageContaining("t.jsonl:1").hasMessageContaining("round");
        assertThatThrownBy(() -> ReplayTranscript.parse("{\"agent\":\"SpecWriter\",\"step\":\"spec\",\"round\":1}", "t.jsonl"))
                .hasMessageContaining("\"text\" or \"toolCalls\"");
        assertThatThrownBy(() -> ReplayTranscript.parse("{\"agent\":\"A\",\"step\":\"s\",\"round\":1,\"text\":\"x\"}\n{", "t.jsonl"))
                .hasMessageContaining("t.jsonl:2 is not JSON");
        assertThatThrownBy(() -> ReplayTranscript.parse("[]", "t.json")).hasMessageContaining("exchanges");
    }

    private static ProviderRequest request(String agent, String step, int round) {
        return new ProviderRequest(ModelRef.parse("replay:demo"), ModelCapabilities.TOOLS, List.of(LlmMessage.user("go")), 100,
                OptionalDouble.empty(), List.of(), ToolChoice.AUTO, agent, new Exchange(step, round));
    }
}
