package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSONPath subset that the Amazon States Language needs: a root ({@code $} for the payload,
 * {@code $$} for the context object) followed by {@code .field}, {@code ['field']}, {@code [n]},
 * {@code [*]} and {@code .*}. A path without wildcards is definite and yields one node; a path with
 * wildcards yields an array of every match, as AWS does.
 */
public final class JsonPath {

    private final String text;
    private final boolean contextRoot;
    private final List<PathSegment> segments;

    private JsonPath(String text, boolean contextRoot, List<PathSegment> segments) {
        this.text = text;
        this.contextRoot = contextRoot;
        this.segments = List.copyOf(segments);
    }

    public static JsonPath parse(String text) throws JsonPathSyntaxException {
        return JsonPathParser.parse(text);
    }

    static JsonPath of(String text, boolean contextRoot, List<PathSegment> segments) {
        return new JsonPath(text, contextRoot, segments);
    }

    public String text() {
        return text;
    }

    /** True for paths starting with {@code $$}, which address the context object. */
    public boolean isContextPath() {
        return contextRoot;
    }

    public List<PathSegment> segments() {
        return segments;
    }

    public boolean isDefinite() {
        return segments.stream().noneMatch(PathSegment.Wildcard.class::isInstance);
    }

    /** A reference path identifies a single node, so it can be written to (ResultPath) or compared (Variable). */
    public boolean isReferencePath() {
        return !contextRoot && isDefinite();
    }

    public JsonNode read(JsonNode root) throws PathNotFoundException {
        if (isDefinite()) {
            return readDefinite(root);
        }
        List<JsonNode> current = List.of(root);
        for (PathSegment segment : segments) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                collect(node, segment, next);
            }
            current = next;
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        current.forEach(result::add);
        return result;
    }

    /** Reads the path, or returns null when it selects nothing; for IsPresent and similar checks. */
    public JsonNode readOrNull(JsonNode root) {
        try {
            return read(root);
        } catch (PathNotFoundException e) {
            return null;
        }
    }

    private JsonNode readDefinite(JsonNode root) throws PathNotFoundException {
        JsonNode node = root;
        for (PathSegment segment : segments) {
            node = child(node, segment);
            if (node == null) {
                throw new PathNotFoundException("The JSONPath '" + text + "' could not be found in the input '"
                        + abbreviate(root) + "'");
            }
        }
        return node;
    }

    private static JsonNode child(JsonNode node, PathSegment segment) {
        return switch (segment) {
            case PathSegment.Field field -> node != null && node.isObject() ? node.get(field.name()) : null;
            case PathSegment.Index index -> {
                if (node == null || !node.isArray()) {
                    yield null;
                }
                int position = index.index() < 0 ? node.size() + index.index() : index.index();
                yield position >= 0 && position < node.size() ? node.get(position) : null;
            }
            case PathSegment.Wildcard ignored -> throw new IllegalStateException("wildcard in a definite path");
        };
    }

    private static void collect(JsonNode node, PathSegment segment, List<JsonNode> into) {
        if (segment instanceof PathSegment.Wildcard) {
            if (node.isArray()) {
                node.forEach(into::add);
            } else if (node.isObject()) {
                for (Map.Entry<String, JsonNode> entry : node.properties()) {
                    into.add(entry.getValue());
                }
            }
            return;
        }
        JsonNode child = child(node, segment);
        if (child != null) {
            into.add(child);
        }
    }

    /**
     * Returns a copy of {@code root} with {@code value} placed at this reference path, creating missing
     * objects on the way, as ResultPath does.
     */
    public JsonNode write(JsonNode root, JsonNode value) throws ResultPathMismatchException {
        if (segments.isEmpty()) {
            return value;
        }
        JsonNode copy = root.deepCopy();
        JsonNode current = copy;
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            PathSegment segment = segments.get(i);
            switch (segment) {
                case PathSegment.Field field -> {
                    if (!(current instanceof ObjectNode object)) {
                        throw mismatch(root);
                    }
                    if (last) {
                        object.set(field.name(), value);
                    } else {
                        JsonNode existing = object.get(field.name());
                        if (existing == null) {
                            existing = object.putObject(field.name());
                        } else if (!existing.isContainerNode()) {
                            throw mismatch(root);
                        }
                        current = existing;
                    }
                }
                case PathSegment.Index index -> {
                    if (!(current instanceof ArrayNode array)) {
                        throw mismatch(root);
                    }
                    int position = index.index() < 0 ? array.size() + index.index() : index.index();
                    if (position < 0 || position >= array.size()) {
                        throw mismatch(root);
                    }
                    if (last) {
                        array.set(position, value);
                    } else {
                        JsonNode existing = array.get(position);
                        if (!existing.isContainerNode()) {
                            throw mismatch(root);
                        }
                        current = existing;
                    }
                }
                case PathSegment.Wildcard ignored -> throw mismatch(root);
            }
        }
        return copy;
    }

    private ResultPathMismatchException mismatch(JsonNode root) {
        return new ResultPathMismatchException("Unable to apply ReferencePath " + text + " to input " + abbreviate(root));
    }

    private static String abbreviate(JsonNode node) {
        String json = node == null ? "null" : node.toString();
        return json.length() > 256 ? json.substring(0, 256) + "..." : json;
    }

    @Override
    public String toString() {
        return text;
    }
}
