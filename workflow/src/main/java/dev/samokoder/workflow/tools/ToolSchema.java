package dev.samokoder.workflow.tools;

import dev.samokoder.core.domain.WorkspacePath;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Small builders for the tools' parameter schemas, and the argument reading every tool shares. */
final class ToolSchema {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ToolSchema() {
    }

    static ObjectNode object(List<String> required) {
        ObjectNode schema = MAPPER.createObjectNode().put("type", "object").put("additionalProperties", false);
        schema.putObject("properties");
        required.forEach(schema.putArray("required")::add);
        return schema;
    }

    static ObjectNode string(ObjectNode schema, String name, String description, int maxLength) {
        ((ObjectNode) schema.get("properties")).putObject(name).put("type", "string").put("description", description).put("maxLength", maxLength);
        return schema;
    }

    static ObjectNode integer(ObjectNode schema, String name, String description) {
        ((ObjectNode) schema.get("properties")).putObject(name).put("type", "integer").put("description", description).put("minimum", 1);
        return schema;
    }

    /** The path argument as a workspace path, or why it is refused. */
    static Optional<WorkspacePath> path(JsonNode arguments, String field) {
        String value = arguments.path(field).asText();
        return WorkspacePath.problem(value) == null ? Optional.of(WorkspacePath.of(value)) : Optional.empty();
    }

    static String pathProblem(JsonNode arguments, String field) {
        String value = arguments.path(field).asText();
        return "the path '" + value + "' is refused: " + WorkspacePath.problem(value)
                + " (paths are relative to the project's root, like src/app.js)";
    }

    static int lineCount(String text) {
        if (text.isEmpty()) {
            return 0;
        }
        int lines = 1;
        for (int i = 0; i < text.length() - 1; i++) {
            if (text.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
