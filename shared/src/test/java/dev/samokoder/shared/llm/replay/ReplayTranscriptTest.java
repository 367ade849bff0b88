package dev.samokoder.shared.llm.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.samokoder.shared.llm.LlmMessage;
import dev.samokoder.shared.llm.ReplayExhaustedException;
import dev.samokoder.shared.llm.TokenUsage;
import dev.samokoder.shared.llm.model.ModelRef;
import dev.samokoder.shared.llm.provider.ProviderRequest;
import dev.samokoder.shared.llm.provider.ProviderResponse;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReplayTranscriptTest {

    private static final String TRANSCRIPT = """
            { "about": "a todo app",
              "responses": {
                "SpecWriter": [ "first spec", { "text": "second spec", "promptTokens": 900, "cachedTokens": 100, "completionTokens": 120 } ],
                "Architect": [ { "text": "the plan" } ] } }
            """;

    private final ReplayProvider replay = new ReplayProvider(ReplayTranscript.parse(TRANSCRIPT, "test"));

    @Test
    void theAgentsNthCall_getsItsNthRecordedAnswer() {
        assertThat(replay.chat(request("SpecWriter", 0)).text()).isEqualTo("first spec");
        assertThat(replay.chat(request("SpecWriter", 1)).text()).isEqualTo("second spec");
        assertThat(replay.chat(request("Architect", 0)).text()).isEqualTo("the plan");
    }

    @Test
    void recordedUsage_isReported_andAnAnswerWithoutUsage_leavesCountingToTheGateway() {
        // when
        ProviderResponse withUsage = replay.chat(request("SpecWriter", 1));
        ProviderResponse withoutUsage = replay.chat(request("SpecWriter", 0));

        // then
        assertThat(withUsage.usage()).contains(TokenUsage.reported(900, 100, 120));
        assertThat(withoutUsage.usage()).isEmpty();
    }

    @Test
    void aCallBeyondTheRecording_isTheNamedReplayError() {
        assertThatThrownBy(() -> replay.chat(request("SpecWriter", 2)))
                .isInstanceOf(ReplayExhaustedException.class)
                .hasMessageContaining("2 response(s) for SpecWriter").hasMessageContaining("call 3");
        assertThatThrownBy(() -> replay.chat(request("BugHunter", 0))).isInstanceOf(ReplayExhaustedException.class);
    }

    @Test
    void aTranscriptOfTheWrongShape_isRefusedWithWhereItIsWrong() {
        assertThatThrownBy(() -> ReplayTranscript.parse("{\"responses\": {\"SpecWriter\": \"not a list\"}}", "t.json"))
                .hasMessageContaining("t.json").hasMessageContaining("SpecWriter");
        assertThatThrownBy(() -> ReplayTranscript.parse("{\"responses\": {\"SpecWriter\": [42]}}", "t.json"))
                .hasMessageContaining("SpecWriter #1");
        assertThatThrownBy(() -> ReplayTranscript.parse("[]", "t.json")).hasMessageContaining("\"responses\"");
        assertThatThrownBy(() -> ReplayTranscript.parse("{", "t.json")).hasMessageContaining("not JSON");
    }

    private static ProviderRequest request(String agent, int agentCall) {
        return new ProviderRequest(ModelRef.parse("replay:demo"), List.of(LlmMessage.user("go")), 100,
                OptionalDouble.empty(), agent, agentCall);
    }
}
