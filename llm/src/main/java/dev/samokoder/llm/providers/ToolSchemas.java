package dev.samokoder.llm.providers;

import dev.samokoder.core.llm.ToolSpec;
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
import java.util.Map;

/**
 * Our tools' JSON Schemas in langchain4j's terms, which each adapter writes in its provider's
 * dialect. Types, properties, required fields, enums, array items, anyOf and descriptions carry
 * over; length and count bounds and patterns do not (not every provider takes them), which is why the step that
 * runs a tool checks its arguments against the full schema itself.
 */
final class ToolSchemas {

    private ToolSchemas() {
    }

    static ToolSpecification specification(ToolSpec tool) {
        return ToolSpecification.builder()
                .name(tool.name())
                .description(tool.description())
                .parameters(object(tool.parameters()))
                .build();
    }

    static JsonObjectSchema object(JsonNode schema) {
        JsonObjectSchema.Builder builder = JsonObjectSchema.builder();
        description(schema).ifPresent(builder::description);
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            builder.addProperty(property.getKey(), element(property.getValue()));
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(name -> required.add(name.asText()));
        if (!required.isEmpty()) {
            builder.required(required);
        }
        if (schema.path("additionalProperties").isBoolean()) {
            builder.additionalProperties(schema.path("additionalProperties").asBoolean());
        }
        return builder.build();
    }

    static JsonSchemaElement element(JsonNode schema) {
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(value -> values.add(value.asText()));
            JsonEnumSchema.Builder builder = JsonEnumSchema.builder().enumValues(values);
            description(schema).ifPresent(builder::description);
            return builder.build();
        }
        if (schema.has("anyOf")) {
            List<JsonSchemaElement> options = new ArrayList<>();
            schema.get("anyOf").forEach(option -> options.add(element(option)));
            JsonAnyOfSchema.Builder builder = JsonAnyOfSchema.builder().anyOf(options);
            description(schema).ifPresent(builder::description);
            return builder.build();
        }
        String type = schema.path("type").isArray() ? firstNonNull(schema.path("type")) : schema.path("type").asText("string");
        String description = description(schema).orElse(null);
        return switch (type) {
            case "object" -> object(schema);
            case "array" -> JsonArraySchema.builder().description(description)
                    .items(schema.has("items") ? element(schema.get("items")) : JsonStringSchema.builder().build()).build();
            case "integer" -> JsonIntegerSchema.builder().description(description).build();
            case "number" -> JsonNumberSchema.builder().description(description).build();
            case "boolean" -> JsonBooleanSchema.builder().description(description).build();
            case "null" -> new JsonNullSchema();
            default -> JsonStringSchema.builder().description(description).build();
        };
    }

    private static String firstNonNull(JsonNode types) {
        for (JsonNode type : types) {
            if (!type.asText().equals("null")) {
                return type.asText();
            }
        }
        return "null";
    }

    private static java.util.Optional<String> description(JsonNode schema) {
        return schema.has("description") ? java.util.Optional.of(schema.get("description").asText()) : java.util.Optional.empty();
    }
}
