package dev.samokoder.llm.providers;

import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.llm.ToolChoice;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.core.models.ModelCapabilities;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.llm.provider.ProviderRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tool-calling exchange every adapter's test sends: two tools (one with an enum and an array),
 * a conversation in which the model already called a tool and got its result, and a required call.
 * Each adapter's test checks how its provider's wire format carries this, and reads its reply.
 */
final class ToolExchange {

    static final ObjectMapper JSON = new ObjectMapper();

    static final ToolSpec READ_FILE = new ToolSpec("read_file", "Read a file's lines, numbered.", json("""
            {"type": "object", "additionalProperties": false, "required": ["path"],
             "properties": {"path": {"type": "string", "description": "the file, relative to the project's root", "maxLength": 1024},
                            "start_line": {"type": "integer", "description": "the first line to show", "minimum": 1}}}"""));
    static final ToolSpec SUBMIT = new ToolSpec("submit", "Finish this step with your verdict.", json("""
            {"type": "object", "additionalProperties": false, "required": ["verdict", "notes"],
             "properties": {"verdict": {"enum": ["APPROVE", "REVISE"], "description": "whether the change may stay"},
                            "notes": {"type": "array", "items": {"type": "string"}, "description": "what to change"}}}"""));

    /** The call the model made in the previous round, and what the tool answered. */
    static final ToolCall PREVIOUS_CALL = new ToolCall("call_prev_1", "read_file", "{\"path\":\"package.json\"}");
    static final String PREVIOUS_RESULT = "1│ {\"name\": \"todo\"}";

    /** The call every stand-in answers with. */
    static final String NEXT_PATH = "src/server.js";

    private ToolExchange() {
    }

    static List<LlmMessage> conversation() {
        return List.of(LlmMessage.system("you write code"), LlmMessage.user("add a health endpoint"),
                LlmMessage.assistant("", List.of(PREVIOUS_CALL)), LlmMessage.toolResult(PREVIOUS_CALL, PREVIOUS_RESULT));
    }

    static ProviderRequest request(ModelRef model, List<LlmMessage> messages, List<ToolSpec> tools, ModelCapabilities capabilities) {
        return new ProviderRequest(model, capabilities, messages, 256, OptionalDouble.empty(), tools, ToolChoice.REQUIRED, "CodeMonkey",
                new Exchange("task 1 · src/server.js", 2));
    }

    /** The exchange with both tools, one of them required, on a model with native tool calls. */
    static ProviderRequest request(ModelRef model) {
        return request(model, conversation(), List.of(READ_FILE, SUBMIT), ModelCapabilities.TOOLS);
    }

    /** A tool's parameters as the provider received them: what the model reads must be all there. */
    static void assertParameters(JsonNode readFile, JsonNode submit) {
        assertThat(readFile.path("type").asText()).isEqualTo("object");
        assertThat(readFile.path("properties").path("path").path("type").asText()).isEqualTo("string");
        assertThat(readFile.path("properties").path("path").path("description").asText()).isEqualTo("the file, relative to the project's root");
        assertThat(readFile.path("properties").path("start_line").path("type").asText()).isEqualTo("integer");
        assertThat(readFile.path("required")).containsExactly(JSON.getNodeFactory().textNode("path"));
        assertThat(submit.path("properties").path("verdict").path("enum").toString()).isEqualTo("[\"APPROVE\",\"REVISE\"]");
        assertThat(submit.path("properties").path("notes").path("items").path("type").asText()).isEqualTo("string");
        assertThat(submit.path("required").toString()).isEqualTo("[\"verdict\",\"notes\"]");
    }

    /** Tool arguments compare as JSON: providers re-serialize them. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
