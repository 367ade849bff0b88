package dev.samokoder.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.samokoder.local.sfn.paths.IntrinsicParser;
import dev.samokoder.local.sfn.paths.JsonPath;
import dev.samokoder.local.sfn.paths.JsonPathSyntaxException;
import dev.samokoder.local.sfn.paths.PayloadTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads typed fields of one JSON object of a definition, reporting problems against its location. */
final class FieldReader {

    static final JsonPath ROOT = rootPath();

    /** What a path field accepts; the Amazon States Language names each field's kind. */
    enum PathKind {
        /** A Path: any JSONPath the engine supports, into the input or ({@code $$}) the context object. */
        PATH,
        /** A Reference Path, into the input or the context object (Choice Variable and *Path operands, ErrorPath, CausePath). */
        REFERENCE_PATH,
        /** A Reference Path into the input only (ResultPath, ItemsPath and the *SecondsPath, TimestampPath, MaxConcurrencyPath fields). */
        INPUT_REFERENCE_PATH
    }

    private final JsonNode node;
    private final String location;
    private final String state;
    private final ProblemCollector problems;

    FieldReader(JsonNode node, String location, String state, ProblemCollector problems) {
        this.node = node;
        this.location = location;
        this.state = state;
        this.problems = problems;
    }

    /** A reader for an object inside this one, reporting to the same collector. */
    FieldReader nested(JsonNode child, String relativeLocation) {
        return new FieldReader(child, location + relativeLocation, state, problems);
    }

    JsonNode node() {
        return node;
    }

    String location() {
        return location;
    }

    String state() {
        return state;
    }

    boolean has(String field) {
        return node.has(field);
    }

    void problem(String field, String message) {
        problems.add(location, state, field, message);
    }

    void rejectUnknownFields(Set<String> allowed, String owner) {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!allowed.contains(entry.getKey())) {
                problem(entry.getKey(), "field '" + entry.getKey() + "' is not supported in " + owner);
            }
        }
    }

    String string(String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null) {
            if (required) {
                problem(field, "required field '" + field + "' is missing");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(field, "'" + field + "' must be a string");
            return null;
        }
        return value.textValue();
    }

    Integer integer(String field, int min) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min) {
            problem(field, "'" + field + "' must be an integer >= " + min);
            return null;
        }
        return value.intValue();
    }

    Double number(String field, double min) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isNumber() || value.doubleValue() < min) {
            problem(field, "'" + field + "' must be a number >= " + min);
            return null;
        }
        return value.doubleValue();
    }

    boolean bool(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            problem(field, "'" + field + "' must be a boolean");
            return false;
        }
        return value.booleanValue();
    }

    /** Absent means {@code $}; JSON null means discard and is returned as null. */
    JsonPath pathOrRoot(String field, PathKind kind) {
        JsonNode value = node.get(field);
        if (value == null) {
            return ROOT;
        }
        if (value.isNull()) {
            return null;
        }
        return path(field, kind);
    }

    JsonPath path(String field, PathKind kind) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(field, "'" + field + "' must be a path string");
            return null;
        }
        try {
            JsonPath path = JsonPath.parse(value.textValue());
            return meetsKind(field, path, kind) ? path : null;
        } catch (JsonPathSyntaxException e) {
            problem(field, e.getMessage());
            return null;
        }
    }

    private boolean meetsKind(String field, JsonPath path, PathKind kind) {
        if (kind != PathKind.PATH && !path.identifiesSingleNode()) {
            problem(field, "'" + path.text() + "' must be a reference path, and a reference path must identify a single node:"
                    + " only .field, ['field'] and [index] may follow the '$' (no '*', '..', filters [?(...)], slices [a:b]"
                    + " or unions [a,b])");
            return false;
        }
        if (kind == PathKind.INPUT_REFERENCE_PATH && path.isContextPath()) {
            problem(field, "'" + path.text() + "' must be a reference path into the state's input ('$$' is not allowed in "
                    + field + ")");
            return false;
        }
        return true;
    }

    PayloadTemplate template(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            problem(field, "'" + field + "' must be a JSON object");
            return null;
        }
        List<String> templateProblems = new ArrayList<>();
        PayloadTemplate template = PayloadTemplate.compile(value, templateProblems);
        templateProblems.forEach(message -> problem(field, message));
        return templateProblems.isEmpty() ? template : null;
    }

    /** ErrorPath / CausePath of a Fail state: a reference path or an intrinsic function. */
    PayloadTemplate dynamicString(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            problem(field, "'" + field + "' must be a path or intrinsic function string");
            return null;
        }
        String text = value.textValue();
        if (!text.startsWith("$") && !IntrinsicParser.looksLikeIntrinsic(text)) {
            problem(field, "'" + field + "' must be a path or intrinsic function, got '" + text + "'");
            return null;
        }
        try {
            if (text.startsWith("$") && !meetsKind(field, JsonPath.parse(text), PathKind.REFERENCE_PATH)) {
                return null;
            }
            return PayloadTemplate.compile(JsonNodeFactory.instance.objectNode().put(State.Fail.DYNAMIC_VALUE_KEY + ".$", text));
        } catch (JsonPathSyntaxException e) {
            problem(field, e.getMessage());
            return null;
        }
    }

    private static JsonPath rootPath() {
        try {
            return JsonPath.parse("$");
        } catch (JsonPathSyntaxException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
