package dev.samokoder.core.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tool a model may call: its name, what it does (written for the model, which reads it), and its
 * parameters as a JSON Schema object. The step that offers a tool checks every call's arguments
 * itself; the schema tells the model what to send, and providers that enforce schemas enforce it.
 */
public record ToolSpec(String name, String description, JsonNode parameters) {

    /** What every provider accepts as a tool name. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,63}");

    public ToolSpec {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a tool name is a letter then letters, digits or '_', at most 64, got '" + name + "'");
        }
        if (!parameters.isObject() || !"object".equals(parameters.path("type").asText())) {
            throw new IllegalArgumentException("the parameters of tool " + name + " must be a JSON Schema of type object");
        }
    }
}
