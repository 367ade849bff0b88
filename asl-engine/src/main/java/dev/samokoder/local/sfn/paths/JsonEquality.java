package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/** JSON value equality where numbers compare by value (1 equals 1.0) and object key order is irrelevant. */
public final class JsonEquality {

    private JsonEquality() {
    }

    public static boolean equal(JsonNode a, JsonNode b) {
        return canonical(a).equals(canonical(b));
    }

    public static String canonical(JsonNode node) {
        StringBuilder out = new StringBuilder();
        append(node, out);
        return out.toString();
    }

    private static void append(JsonNode node, StringBuilder out) {
        if (node.isNumber()) {
            out.append(node.decimalValue().stripTrailingZeros().toPlainString());
        } else if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            out.append('{');
            sorted.forEach((key, value) -> {
                out.append('"').append(key).append("\":");
                append(value, out);
                out.append(',');
            });
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            node.forEach(item -> {
                append(item, out);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append(node);
        }
    }
}
