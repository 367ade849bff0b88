package dev.samokoder.llm.providers;

import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.Submission;
import dev.samokoder.workflow.tools.Toolset;
import dev.samokoder.workflow.tools.WritePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every schema a model is given (each agent's submit schema, each workspace tool's parameters)
 * reaches langchain4j with all that tells the model what to send: types, properties in order,
 * required fields, enums, array items, additionalProperties and every description. Only the
 * bounds are left out, which the step that runs a tool checks itself.
 */
class ToolSchemasTest {

    /** What the conversion carries over. */
    private static final Set<String> CARRIED = Set.of("type", "description", "properties", "required", "additionalProperties", "items",
            "enum", "anyOf");
    /** What it leaves out on purpose (not every provider takes bounds or patterns): the local check enforces them. */
    private static final Set<String> BOUNDS = Set.of("minLength", "maxLength", "minItems", "maxItems", "minimum", "maximum", "pattern");

    @ParameterizedTest
    @ValueSource(strings = {"architect", "architect-change", "code-review", "developer", "file-summary", "fix-plan", "spec-writer", "spec-writer-interactive",
            "tech-lead"})
    void eachAgentsSubmitSchema_convertsWithNothingTheModelReadsLost(String schema) {
        assertConvertedWithoutLoss(Submission.of(schema, "the answer.").spec());
    }

    @ParameterizedTest
    @MethodSource("workspaceTools")
    void eachWorkspaceToolsParameters_convertWithNothingTheModelReadsLost(ToolSpec tool) {
        assertConvertedWithoutLoss(tool);
    }

    static Stream<ToolSpec> workspaceTools() {
        List<AgentTool> tools = new ArrayList<>(Toolset.WORKSPACE.writing(null, WritePolicy.only("src/server.js"), 100_000));
        tools.addAll(Toolset.WORKSPACE.reading(null));
        return tools.stream().map(AgentTool::spec);
    }

    @Test
    void theWorkspaceTools_areAllCovered() {
        assertThat(workspaceTools().map(ToolSpec::name)).containsExactlyInAnyOrder("write_file", "append_to_file", "edit_file",
                "delete_file", "rename_file", "list_files", "read_file", "search");
    }

    @Test
    void anyOf_keepsEachOption() {
        JsonSchemaElement converted = ToolSchemas.element(ToolExchange.json("""
                {"description": "a line or a range", "anyOf": [{"type": "integer"}, {"type": "array", "items": {"type": "integer"}}]}"""));

        assertThat(converted).isInstanceOfSatisfying(JsonAnyOfSchema.class, anyOf -> {
            assertThat(anyOf.description()).isEqualTo("a line or a range");
            assertThat(anyOf.anyOf()).hasSize(2);
            assertThat(anyOf.anyOf().get(0)).isInstanceOf(JsonIntegerSchema.class);
            assertThat(anyOf.anyOf().get(1)).isInstanceOfSatisfying(JsonArraySchema.class,
                    array -> assertThat(array.items()).isInstanceOf(JsonIntegerSchema.class));
        });
    }

    @Test
    void aNullableType_isItsNonNullType() {
        // providers' tool schemas do not all take type lists; the model may still omit an optional field
        assertThat(ToolSchemas.element(ToolExchange.json("{\"type\": [\"null\", \"number\"]}"))).isInstanceOf(JsonNumberSchema.class);
        assertThat(ToolSchemas.element(ToolExchange.json("{\"type\": \"null\"}"))).isInstanceOf(JsonNullSchema.class);
    }

    private static void assertConvertedWithoutLoss(ToolSpec tool) {
        ToolSpecification converted = ToolSchemas.specification(tool);

        assertThat(converted.name()).isEqualTo(tool.name());
        assertThat(converted.description()).isEqualTo(tool.description());
        assertCarried(tool.parameters(), converted.parameters(), tool.name());
    }

    private static void assertCarried(JsonNode original, JsonSchemaElement converted, String where) {
        original.fieldNames().forEachRemaining(keyword -> assertThat(keyword)
                .as("%s: a keyword the conversion does not know would be dropped without a word", where)
                .isIn(union(CARRIED, BOUNDS)));
        String description = original.has("description") ? original.get("description").asText() : null;
        if (original.has("enum")) {
            assertThat(converted).as(where).isInstanceOfSatisfying(JsonEnumSchema.class, enumSchema -> {
                assertThat(enumSchema.enumValues()).as(where).containsExactlyElementsOf(texts(original.get("enum")));
                assertThat(enumSchema.description()).as(where).isEqualTo(description);
            });
            return;
        }
        switch (original.path("type").asText()) {
            case "object" -> assertThat(converted).as(where).isInstanceOfSatisfying(JsonObjectSchema.class, object -> {
                assertThat(object.description()).as(where).isEqualTo(description);
                List<String> names = new ArrayList<>();
                original.path("properties").fieldNames().forEachRemaining(names::add);
                assertThat(object.properties().keySet()).as(where).containsExactlyElementsOf(names);
                names.forEach(name -> assertCarried(original.path("properties").get(name), object.properties().get(name), where + "." + name));
                assertThat(object.required() == null ? List.of() : object.required()).as(where + " required")
                        .containsExactlyElementsOf(texts(original.path("required")));
                assertThat(object.additionalProperties()).as(where + " additionalProperties")
                        .isEqualTo(original.has("additionalProperties") ? original.get("additionalProperties").asBoolean() : null);
            });
            case "array" -> assertThat(converted).as(where).isInstanceOfSatisfying(JsonArraySchema.class, array -> {
                assertThat(array.description()).as(where).isEqualTo(description);
                assertThat(original.has("items")).as(where + " has items").isTrue();
                assertCarried(original.get("items"), array.items(), where + "[]");
            });
            case "string" -> assertThat(converted).as(where).isInstanceOfSatisfying(JsonStringSchema.class,
                    string -> assertThat(string.description()).as(where).isEqualTo(description));
            case "integer" -> assertThat(converted).as(where).isInstanceOfSatisfying(JsonIntegerSchema.class,
                    integer -> assertThat(integer.description()).as(where).isEqualTo(description));
            case "number" -> assertThat(converted).as(where).isInstanceOfSatisfying(JsonNumberSchema.class,
                    number -> assertThat(number.description()).as(where).isEqualTo(description));
            case "boolean" -> assertThat(converted).as(where).isInstanceOfSatisfying(JsonBooleanSchema.class,
                    bool -> assertThat(bool.description()).as(where).isEqualTo(description));
            default -> fail(where + ": a schema without a type this test knows: " + original);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(value -> out.add(value.asText()));
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toSet());
    }
}
