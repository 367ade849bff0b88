package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** One side of a filter comparison: a literal or a path relative to the node under test. */
public sealed interface FilterOperand {

    /** The operand's value for this node, or null when a relative path selects nothing. */
    JsonNode resolve(JsonNode current);

    /** A number, a string, true, false or null. */
    record Literal(JsonNode value) implements FilterOperand {
        @Override
        public JsonNode resolve(JsonNode current) {
            return value;
        }
    }

    /** {@code @.a.b}, {@code @['a'][0]}: fields and indexes only, so it selects at most one node. */
    record Relative(List<PathSegment> segments) implements FilterOperand {
        public Relative {
            segments = List.copyOf(segments);
        }

        @Override
        public JsonNode resolve(JsonNode current) {
            JsonNode node = current;
            for (PathSegment segment : segments) {
                node = PathEvaluator.child(node, segment);
                if (node == null) {
                    return null;
                }
            }
            return node;
        }
    }
}
