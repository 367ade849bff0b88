package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A JSONPath of the Amazon States Language: a root ({@code $} for the payload, {@code $$} for the context
 * object) followed by {@code .field}, {@code ['field']}, {@code [n]}, {@code [*]}, {@code .*}, {@code ..},
 * slices {@code [a:b:c]}, unions {@code [0,2]} / {@code ['a','b']} and filters {@code [?(...)]}.
 *
 * <p>A definite path (fields and indexes only, possibly ending in a union of names) yields one node; any other
 * path yields an array of every match, as Jayway JsonPath (which AWS uses) does. A reference path identifies a
 * single node: fields and indexes only.
 */
public final class JsonPath {

    private final String text;
    private final boolean contextRoot;
    private final List<PathSegment> segments;
    private final boolean singleNode;
    private final boolean definite;

    private JsonPath(String text, boolean contextRoot, List<PathSegment> segments) {
        this.text = text;
        this.contextRoot = contextRoot;
        this.segments = List.copyOf(segments);
        this.singleNode = segments.stream().allMatch(JsonPath::selectsOne);
        this.definite = singleNode || segments.getLast() instanceof PathSegment.Fields
                && segments.subList(0, segments.size() - 1).stream().allMatch(JsonPath::selectsOne);
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

    /** Only fields and indexes: the path names one node, whatever the document. */
    public boolean identifiesSingleNode() {
        return singleNode;
    }

    /**
     * Yields one value rather than an array of matches: fields and indexes, possibly closed by a union of names,
     * which Jayway reads as one object holding those members.
     */
    public boolean isDefinite() {
        return definite;
    }

    /** A reference path into the payload: it identifies a single node, so it can be written to (ResultPath). */
    public boolean isReferencePath() {
        return !contextRoot && identifiesSingleNode();
    }

    /**
     * The node a definite path selects, or an array of what an indefinite one selects (empty when nothing
     * matches).
     *
     * @throws PathNotFoundException a definite path selects nothing
     * @throws PathTooBroadException the path selects more than {@link JsonPathLimits#MAX_SELECTED_NODES} nodes
     */
    public JsonNode read(JsonNode root) throws PathReadException {
        if (isDefinite()) {
            return readDefinite(root);
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        PathEvaluator.selectAll(text, segments, root).forEach(result::add);
        return result;
    }

    /** Reads the path, or returns null when it selects nothing; for IsPresent and similar checks. */
    public JsonNode readOrNull(JsonNode root) {
        try {
            return read(root);
        } catch (PathReadException e) {
            return null;
        }
    }

    private JsonNode readDefinite(JsonNode root) throws PathNotFoundException {
        JsonNode node = root;
        for (PathSegment segment : segments) {
            if (segment instanceof PathSegment.Fields fields) {
                node = node.isObject() ? PathEvaluator.merge(node, fields) : null;
            } else {
                node = PathEvaluator.child(node, segment);
            }
            if (node == null) {
                throw new PathNotFoundException("The JSONPath '" + text + "' could not be found in the input '"
                        + abbreviate(root) + "'");
            }
        }
        return node;
    }

    private static boolean selectsOne(PathSegment segment) {
        return segment instanceof PathSegment.Field || segment instanceof PathSegment.Index;
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
                default -> throw mismatch(root);
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
