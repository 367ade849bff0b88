package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * Applies the steps of a path to a document, step by step over the list of nodes selected so far, following
 * Jayway JsonPath (which AWS uses) where the JSONPath drafts leave a choice. Every node selected counts against
 * {@link JsonPathLimits#MAX_SELECTED_NODES}.
 */
final class PathEvaluator {

    private final String pathText;
    private int remaining = JsonPathLimits.MAX_SELECTED_NODES;

    private PathEvaluator(String pathText) {
        this.pathText = pathText;
    }

    /** Every node the steps select from {@code root}, in document order; an empty list when nothing matches. */
    static List<JsonNode> selectAll(String pathText, List<PathSegment> segments, JsonNode root) throws PathTooBroadException {
        PathEvaluator evaluator = new PathEvaluator(pathText);
        List<JsonNode> current = List.of(root);
        for (int i = 0; i < segments.size(); i++) {
            boolean last = i == segments.size() - 1;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                evaluator.apply(segments.get(i), node, last, next);
            }
            current = next;
        }
        return current;
    }

    /** The one node a field or index step selects, or null when there is none. */
    static JsonNode child(JsonNode node, PathSegment segment) {
        return switch (segment) {
            case PathSegment.Field field -> node != null && node.isObject() ? node.get(field.name()) : null;
            case PathSegment.Index index -> node != null && node.isArray() ? element(node, index.index()) : null;
            default -> throw new IllegalArgumentException(segment + " does not select a single node");
        };
    }

    /** The members of {@code object} named in {@code fields} that are present, as one object (Jayway's merge). */
    static ObjectNode merge(JsonNode object, PathSegment.Fields fields) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (String name : fields.names()) {
            JsonNode value = object.get(name);
            if (value != null) {
                merged.set(name, value);
            }
        }
        return merged;
    }

    private static JsonNode element(JsonNode array, int index) {
        int position = index < 0 ? array.size() + index : index;
        return position >= 0 && position < array.size() ? array.get(position) : null;
    }

    private void apply(PathSegment segment, JsonNode node, boolean last, List<JsonNode> into) throws PathTooBroadException {
        switch (segment) {
            case PathSegment.Field field -> add(child(node, field), into);
            case PathSegment.Index index -> add(child(node, index), into);
            case PathSegment.Wildcard ignored -> {
                if (node.isArray()) {
                    for (JsonNode element : node) {
                        add(element, into);
                    }
                } else if (node.isObject()) {
                    for (Map.Entry<String, JsonNode> member : node.properties()) {
                        add(member.getValue(), into);
                    }
                }
            }
            case PathSegment.Fields fields -> {
                if (node.isObject() && last) {
                    add(merge(node, fields), into);
                } else if (node.isObject()) {
                    for (String name : fields.names()) {
                        add(node.get(name), into);
                    }
                }
            }
            case PathSegment.Indexes indexes -> {
                if (node.isArray()) {
                    for (int index : indexes.indexes()) {
                        add(element(node, index), into);
                    }
                }
            }
            case PathSegment.Slice slice -> {
                if (node.isArray()) {
                    slice(node, slice, into);
                }
            }
            case PathSegment.Filter filter -> {
                if (node.isArray()) {
                    for (JsonNode element : node) {
                        if (filter.expression().test(element)) {
                            add(element, into);
                        }
                    }
                } else if (node.isObject() && filter.expression().test(node)) {
                    add(node, into);
                }
            }
            case PathSegment.Descendants descendants -> {
                for (JsonNode each : selfAndDescendants(node)) {
                    applyBelow(descendants.selector(), each, last, into);
                }
            }
        }
    }

    /**
     * The step after {@code ..} on one node of the scan. A filter tests each object of the scan itself (its
     * elements are in the scan too, so testing an array's elements would select them twice), and a closing
     * {@code ['a','b']} takes only objects that have all those members; both as Jayway does.
     */
    private void applyBelow(PathSegment selector, JsonNode node, boolean last, List<JsonNode> into) throws PathTooBroadException {
        switch (selector) {
            case PathSegment.Filter filter -> {
                if (node.isObject() && filter.expression().test(node)) {
                    add(node, into);
                }
            }
            case PathSegment.Fields fields when last -> {
                if (node.isObject() && fields.names().stream().allMatch(node::has)) {
                    add(merge(node, fields), into);
                }
            }
            default -> apply(selector, node, last, into);
        }
    }

    /** Python's slice rules: bounds are clamped to the array, negative ones count from the end, step may be negative. */
    private void slice(JsonNode array, PathSegment.Slice slice, List<JsonNode> into) throws PathTooBroadException {
        int size = array.size();
        int step = slice.step();
        if (step > 0) {
            int start = bound(slice.start(), size, 0, 0, size);
            int end = bound(slice.end(), size, size, 0, size);
            for (int i = start; i < end; i += step) {
                add(array.get(i), into);
            }
        } else {
            int start = bound(slice.start(), size, size - 1, -1, size - 1);
            int end = bound(slice.end(), size, -1, -1, size - 1);
            for (int i = start; i > end; i += step) {
                add(array.get(i), into);
            }
        }
    }

    private static int bound(Integer value, int size, int absent, int min, int max) {
        if (value == null) {
            return absent;
        }
        long position = value < 0 ? (long) size + value : value;
        return (int) Math.max(min, Math.min(max, position));
    }

    private List<JsonNode> selfAndDescendants(JsonNode root) throws PathTooBroadException {
        List<JsonNode> nodes = new ArrayList<>();
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            spend();
            nodes.add(node);
            if (node.isContainerNode()) {
                List<JsonNode> children = new ArrayList<>();
                node.forEach(children::add);
                for (int i = children.size() - 1; i >= 0; i--) {
                    pending.push(children.get(i));
                }
            }
        }
        return nodes;
    }

    private void add(JsonNode node, List<JsonNode> into) throws PathTooBroadException {
        if (node != null) {
            spend();
            into.add(node);
        }
    }

    private void spend() throws PathTooBroadException {
        if (--remaining < 0) {
            throw new PathTooBroadException("The JSONPath '" + pathText + "' selects more than "
                    + JsonPathLimits.MAX_SELECTED_NODES + " nodes, the most one path may select");
        }
    }
}
