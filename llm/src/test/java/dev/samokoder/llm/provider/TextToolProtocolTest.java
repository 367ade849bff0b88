package dev.samokoder.llm.provider;

import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.llm.ToolChoice;
import dev.samokoder.core.llm.ToolSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextToolProtocolTest {

    private static final ToolSpec READ = new ToolSpec("read_file", "Read a file.", new ObjectMapper().createObjectNode()
            .put("type", "object").set("properties", new ObjectMapper().createObjectNode()));

    @Test
    void encode_describesTheToolsInTheSystemMessage_andTurnsCallsAndResultsIntoText() {
        ToolCall call = new ToolCall("text-call-1", "read_file", "{\"path\":\"a.js\"}");
        List<LlmMessage> sent = TextToolProtocol.encode(List.of(LlmMessage.system("You are X."), LlmMessage.user("go"),
                LlmMessage.assistant("", List.of(call)), LlmMessage.toolResult(call, "1│ x")), List.of(READ), ToolChoice.REQUIRED);

        assertThat(sent).extracting(LlmMessage::role).containsExactly(LlmMessage.Role.SYSTEM, LlmMessage.Role.USER,
                LlmMessage.Role.ASSISTANT, LlmMessage.Role.USER);
        assertThat(sent.getFirst().text()).startsWith("You are X.\n\nYou work by calling tools.").contains("- read_file: Read a file.")
                .contains("{\"tool_calls\": [{\"name\": \"<tool>\"").contains("Every answer must call at least one tool.");
        assertThat(sent.get(2).text()).isEqualTo("{\"tool_calls\":[{\"name\":\"read_file\",\"arguments\":{\"path\":\"a.js\"}}]}");
        assertThat(sent.get(3).text()).isEqualTo("Result of your tool call text-call-1 (read_file):\n1│ x");
        assertThat(sent).allSatisfy(m -> assertThat(m.toolCalls()).isEmpty());
    }

    @Test
    void decode_readsTheCalls_fromAFencedAnswerToo_andNothingFromProse() {
        assertThat(TextToolProtocol.decode("```json\n{\"tool_calls\": [{\"name\": \"read_file\", \"arguments\": {\"path\": \"a.js\"}},"
                + " {\"name\": \"submit\", \"arguments\": \"{\\\"summary\\\": \\\"s\\\"}\"}]}\n```", 3))
                .containsExactly(new ToolCall("text-call-3-1", "read_file", "{\"path\":\"a.js\"}"),
                        new ToolCall("text-call-3-2", "submit", "{\"summary\": \"s\"}"));
        assertThat(TextToolProtocol.decode("{\"name\": \"list_files\", \"arguments\": {}}", 1))
                .containsExactly(new ToolCall("text-call-1-1", "list_files", "{}"));
        assertThat(TextToolProtocol.decode("I will read the file now.", 1)).isEmpty();
        assertThat(TextToolProtocol.decode("{\"tool_calls\": [{\"arguments\": {}}]}", 1)).isEmpty();
    }
}
