package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Evaluates intrinsic function calls against the effective input and the context object. */
public final class IntrinsicEvaluator {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int MAX_RANGE_ITEMS = 1000;
    private static final int MAX_BASE64_INPUT = 10_000;
    private static final Map<String, String> HASH_ALGORITHMS = Map.of(
            "MD5", "MD5", "SHA-1", "SHA-1", "SHA-256", "SHA-256", "SHA-384", "SHA-384", "SHA-512", "SHA-512");

    private IntrinsicEvaluator() {
    }

    public static JsonNode evaluate(IntrinsicExpression.Call call, JsonNode input, JsonNode context)
            throws IntrinsicFailureException {
        List<JsonNode> args = new ArrayList<>();
        for (IntrinsicExpression argument : call.arguments()) {
            args.add(argumentValue(argument, input, context));
        }
        IntrinsicFunction function = IntrinsicFunction.byName(call.function())
                .orElseThrow(() -> new IntrinsicFailureException("Unknown intrinsic function " + call.function()));
        return switch (function) {
            case FORMAT -> format(call, args);
            case STRING_TO_JSON -> stringToJson(text(function, args, 0));
            case JSON_TO_STRING -> NODES.textNode(args.getFirst().toString());
            case ARRAY -> NODES.arrayNode().addAll(args);
            case ARRAY_PARTITION -> partition(array(function, args, 0), integer(function, args, 1));
            case ARRAY_CONTAINS -> NODES.booleanNode(contains(array(function, args, 0), args.get(1)));
            case ARRAY_RANGE -> range(integer(function, args, 0), integer(function, args, 1), integer(function, args, 2));
            case ARRAY_GET_ITEM -> getItem(array(function, args, 0), integer(function, args, 1));
            case ARRAY_LENGTH -> NODES.numberNode(array(function, args, 0).size());
            case ARRAY_UNIQUE -> unique(array(function, args, 0));
            case BASE64_ENCODE -> base64Encode(text(function, args, 0));
            case BASE64_DECODE -> base64Decode(text(function, args, 0));
            case HASH -> hash(text(function, args, 0), text(function, args, 1));
            case JSON_MERGE -> merge(function, args);
            case MATH_RANDOM -> random(function, args);
            case MATH_ADD -> add(function, args);
            case STRING_SPLIT -> split(text(function, args, 0), text(function, args, 1));
            case UUID -> NODES.textNode(UUID.randomUUID().toString());
        };
    }

    private static JsonNode argumentValue(IntrinsicExpression argument, JsonNode input, JsonNode context)
            throws IntrinsicFailureException {
        return switch (argument) {
            case IntrinsicExpression.Literal literal -> literal.value();
            case IntrinsicExpression.StringLiteral string -> NODES.textNode(string.unescapedBraces());
            case IntrinsicExpression.PathArgument path -> {
                try {
                    yield path.path().read(path.path().isContextPath() ? context : input);
                } catch (PathReadException e) {
                    throw new IntrinsicFailureException(e.getMessage());
                }
            }
            case IntrinsicExpression.Call nested -> evaluate(nested, input, context);
        };
    }

    private static JsonNode format(IntrinsicExpression.Call call, List<JsonNode> args) throws IntrinsicFailureException {
        if (!(call.arguments().getFirst() instanceof IntrinsicExpression.StringLiteral template)) {
            if (!args.getFirst().isTextual()) {
                throw new IntrinsicFailureException("States.Format needs a string template as its first argument");
            }
            return formatTemplate(args.getFirst().textValue(), args);
        }
        return formatTemplate(template.text(), args);
    }

    private static JsonNode formatTemplate(String template, List<JsonNode> args) throws IntrinsicFailureException {
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length() && (template.charAt(i + 1) == '{' || template.charAt(i + 1) == '}')) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw new IntrinsicFailureException("States.Format has more placeholders than arguments");
                }
                JsonNode value = args.get(next++);
                out.append(value.isTextual() ? value.textValue() : value.toString());
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw new IntrinsicFailureException("States.Format has more arguments than placeholders");
        }
        return NODES.textNode(out.toString());
    }

    private static JsonNode stringToJson(String text) throws IntrinsicFailureException {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IntrinsicFailureException("States.StringToJson: the argument is not valid JSON: " + text);
        }
    }

    private static JsonNode partition(ArrayNode array, long size) throws IntrinsicFailureException {
        if (size <= 0) {
            throw new IntrinsicFailureException("States.ArrayPartition: the chunk size must be a positive integer");
        }
        ArrayNode result = NODES.arrayNode();
        ArrayNode chunk = null;
        for (JsonNode item : array) {
            if (chunk == null || chunk.size() == size) {
                chunk = result.addArray();
            }
            chunk.add(item);
        }
        return result;
    }

    private static boolean contains(ArrayNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (JsonEquality.equal(item, value)) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode range(long start, long end, long step) throws IntrinsicFailureException {
        if (step == 0) {
            throw new IntrinsicFailureException("States.ArrayRange: the step must not be 0");
        }
        ArrayNode result = NODES.arrayNode();
        for (long value = start; step > 0 ? value <= end : value >= end; value += step) {
            if (result.size() == MAX_RANGE_ITEMS) {
                throw new IntrinsicFailureException("States.ArrayRange: the result exceeds " + MAX_RANGE_ITEMS + " items");
            }
            result.add(value);
        }
        return result;
    }

    private static JsonNode getItem(ArrayNode array, long index) throws IntrinsicFailureException {
        if (index < 0 || index >= array.size()) {
            throw new IntrinsicFailureException("States.ArrayGetItem: index " + index + " is out of bounds for an array of " + array.size());
        }
        return array.get((int) index);
    }

    private static JsonNode unique(ArrayNode array) {
        ArrayNode result = NODES.arrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode item : array) {
            if (seen.add(JsonEquality.canonical(item))) {
                result.add(item);
            }
        }
        return result;
    }

    private static JsonNode base64Encode(String text) throws IntrinsicFailureException {
        if (text.length() > MAX_BASE64_INPUT) {
            throw new IntrinsicFailureException("States.Base64Encode: input exceeds " + MAX_BASE64_INPUT + " characters");
        }
        return NODES.textNode(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode base64Decode(String text) throws IntrinsicFailureException {
        if (text.length() > MAX_BASE64_INPUT) {
            throw new IntrinsicFailureException("States.Base64Decode: input exceeds " + MAX_BASE64_INPUT + " characters");
        }
        try {
            return NODES.textNode(new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IntrinsicFailureException("States.Base64Decode: the argument is not Base64: " + e.getMessage());
        }
    }

    private static JsonNode hash(String data, String algorithm) throws IntrinsicFailureException {
        String jdkName = HASH_ALGORITHMS.get(algorithm);
        if (jdkName == null) {
            throw new IntrinsicFailureException("States.Hash: unsupported algorithm '" + algorithm
                    + "'; use one of MD5, SHA-1, SHA-256, SHA-384, SHA-512");
        }
        try {
            byte[] digest = MessageDigest.getInstance(jdkName).digest(data.getBytes(StandardCharsets.UTF_8));
            return NODES.textNode(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IntrinsicFailureException("States.Hash: the JVM lacks " + jdkName);
        }
    }

    private static JsonNode merge(IntrinsicFunction function, List<JsonNode> args) throws IntrinsicFailureException {
        if (!args.get(0).isObject() || !args.get(1).isObject()) {
            throw new IntrinsicFailureException(function.functionName() + ": both arguments to merge must be JSON objects");
        }
        if (!args.get(2).isBoolean() || args.get(2).booleanValue()) {
            throw new IntrinsicFailureException(function.functionName() + ": only shallow merge (false) is supported, as on AWS");
        }
        ObjectNode merged = ((ObjectNode) args.get(0)).deepCopy();
        merged.setAll((ObjectNode) args.get(1).deepCopy());
        return merged;
    }

    private static JsonNode random(IntrinsicFunction function, List<JsonNode> args) throws IntrinsicFailureException {
        long start = integer(function, args, 0);
        long end = integer(function, args, 1);
        if (end <= start) {
            throw new IntrinsicFailureException(function.functionName() + ": the end must be greater than the start");
        }
        Random random = args.size() == 3 ? new Random(integer(function, args, 2)) : ThreadLocalRandom.current();
        return NODES.numberNode(start + (long) (random.nextDouble() * (end - start)));
    }

    private static JsonNode add(IntrinsicFunction function, List<JsonNode> args) throws IntrinsicFailureException {
        return NODES.numberNode(Math.addExact(integer(function, args, 0), integer(function, args, 1)));
    }

    private static JsonNode split(String text, String delimiters) {
        ArrayNode result = NODES.arrayNode();
        StringBuilder current = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (delimiters.indexOf(c) >= 0) {
                addIfNotEmpty(result, current);
            } else {
                current.append(c);
            }
        }
        addIfNotEmpty(result, current);
        return result;
    }

    private static void addIfNotEmpty(ArrayNode result, StringBuilder current) {
        if (!current.isEmpty()) {
            result.add(current.toString());
            current.setLength(0);
        }
    }

    private static String text(IntrinsicFunction function, List<JsonNode> args, int index) throws IntrinsicFailureException {
        JsonNode value = args.get(index);
        if (!value.isTextual()) {
            throw new IntrinsicFailureException(function.functionName() + ": argument " + (index + 1) + " must be a string, got " + value);
        }
        return value.textValue();
    }

    private static ArrayNode array(IntrinsicFunction function, List<JsonNode> args, int index) throws IntrinsicFailureException {
        JsonNode value = args.get(index);
        if (!(value instanceof ArrayNode array)) {
            throw new IntrinsicFailureException(function.functionName() + ": argument " + (index + 1) + " must be an array, got " + value);
        }
        return array;
    }

    private static long integer(IntrinsicFunction function, List<JsonNode> args, int index) throws IntrinsicFailureException {
        JsonNode value = args.get(index);
        if (!value.isNumber() || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IntrinsicFailureException(function.functionName() + ": argument " + (index + 1) + " must be an integer, got " + value);
        }
        return value.longValue();
    }
}
