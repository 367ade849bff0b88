package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compiled Parameters / ResultSelector / ItemSelector template: keys ending in {@code .$} take their
 * value from a path into the input, a {@code $$} path into the context object, or an intrinsic function.
 */
public sealed interface PayloadTemplate {

    JsonNode evaluate(JsonNode input, JsonNode context) throws PayloadEvaluationException;

    /** Compiles the template, or throws with every problem found in it. */
    static PayloadTemplate compile(JsonNode template) throws JsonPathSyntaxException {
        List<String> problems = new ArrayList<>();
        PayloadTemplate compiled = compile(template, problems);
        if (!problems.isEmpty()) {
            throw new JsonPathSyntaxException(String.join("; ", problems));
        }
        return compiled;
    }

    /** Compiles the template, adding a message to {@code problems} for each bad path or intrinsic function. */
    static PayloadTemplate compile(JsonNode template, List<String> problems) {
        if (template.isObject()) {
            Map<String, PayloadTemplate> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> entry : template.properties()) {
                String key = entry.getKey();
                if (key.endsWith(".$")) {
                    try {
                        fields.put(key, dynamicValue(key, entry.getValue()));
                    } catch (JsonPathSyntaxException e) {
                        problems.add(e.getMessage());
                    }
                } else {
                    fields.put(key, compile(entry.getValue(), problems));
                }
            }
            return new ObjectTemplate(fields);
        }
        if (template.isArray()) {
            List<PayloadTemplate> items = new ArrayList<>();
            for (JsonNode item : template) {
                items.add(compile(item, problems));
            }
            return new ArrayTemplate(items);
        }
        return new Constant(template);
    }

    private static PayloadTemplate dynamicValue(String key, JsonNode value) throws JsonPathSyntaxException {
        if (!value.isTextual()) {
            throw new JsonPathSyntaxException("The value of '" + key + "' must be a path or an intrinsic function string");
        }
        String text = value.textValue();
        if (IntrinsicParser.looksLikeIntrinsic(text)) {
            return new IntrinsicValue(key, IntrinsicParser.parse(text));
        }
        try {
            return new PathValue(key, JsonPath.parse(text));
        } catch (JsonPathSyntaxException e) {
            throw new JsonPathSyntaxException("Field '" + key + "': " + e.getMessage());
        }
    }

    record Constant(JsonNode value) implements PayloadTemplate {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) {
            return value.deepCopy();
        }
    }

    record PathValue(String key, JsonPath path) implements PayloadTemplate {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) throws PayloadEvaluationException {
            JsonNode source = path.isContextPath() ? context : input;
            try {
                return path.read(source).deepCopy();
            } catch (PathNotFoundException e) {
                throw new PayloadEvaluationException("The JSONPath '" + path.text() + "' specified for the field '" + key
                        + "' could not be found in the input '" + source + "'");
            } catch (PathReadException e) {
                throw new PayloadEvaluationException("The field '" + key + "': " + e.getMessage());
            }
        }
    }

    record IntrinsicValue(String key, IntrinsicExpression.Call call) implements PayloadTemplate {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) throws PayloadEvaluationException {
            try {
                return IntrinsicEvaluator.evaluate(call, input, context);
            } catch (IntrinsicFailureException | ArithmeticException e) {
                throw new PayloadEvaluationException("The value for the field '" + key + "' could not be evaluated: " + e.getMessage());
            }
        }
    }

    record ObjectTemplate(Map<String, PayloadTemplate> fields) implements PayloadTemplate {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) throws PayloadEvaluationException {
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            for (Map.Entry<String, PayloadTemplate> field : fields.entrySet()) {
                String key = field.getKey();
                String outputKey = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
                result.set(outputKey, field.getValue().evaluate(input, context));
            }
            return result;
        }
    }

    record ArrayTemplate(List<PayloadTemplate> items) implements PayloadTemplate {
        @Override
        public JsonNode evaluate(JsonNode input, JsonNode context) throws PayloadEvaluationException {
            ArrayNode result = JsonNodeFactory.instance.arrayNode();
            for (PayloadTemplate item : items) {
                result.add(item.evaluate(input, context));
            }
            return result;
        }
    }
}
