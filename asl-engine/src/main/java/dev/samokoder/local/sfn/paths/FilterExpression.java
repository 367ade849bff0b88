package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * The condition of a filter {@code [?( ... )]}, tested against one node ({@code @}). A relative path that
 * selects nothing makes every comparison false except {@code !=}, which is then true, as in Jayway JsonPath.
 */
public sealed interface FilterExpression {

    boolean test(JsonNode current);

    record Or(List<FilterExpression> operands) implements FilterExpression {
        public Or {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean test(JsonNode current) {
            return operands.stream().anyMatch(operand -> operand.test(current));
        }
    }

    record And(List<FilterExpression> operands) implements FilterExpression {
        public And {
            operands = List.copyOf(operands);
        }

        @Override
        public boolean test(JsonNode current) {
            return operands.stream().allMatch(operand -> operand.test(current));
        }
    }

    /** {@code @.isbn}: the member is present, whatever its value (null included). */
    record Exists(FilterOperand.Relative path) implements FilterExpression {
        @Override
        public boolean test(JsonNode current) {
            return path.resolve(current) != null;
        }
    }

    /**
     * {@code ==} and {@code !=} compare any two values, numbers by value; the order operators compare two
     * numbers or two strings (by UTF-16 code units, as the Choice state's String operators do), and are false
     * for any other pair.
     */
    record Comparison(FilterOperand left, Operator operator, FilterOperand right) implements FilterExpression {
        @Override
        public boolean test(JsonNode current) {
            JsonNode a = left.resolve(current);
            JsonNode b = right.resolve(current);
            boolean bothPresent = a != null && b != null;
            return switch (operator) {
                case EQ -> bothPresent && equal(a, b);
                case NE -> !(bothPresent && equal(a, b));
                case LT, LE, GT, GE -> bothPresent && ordered(a, b);
            };
        }

        private static boolean equal(JsonNode a, JsonNode b) {
            if (a.isNumber() && b.isNumber()) {
                return compareNumbers(a, b) == 0;
            }
            return JsonEquality.equal(a, b);
        }

        /** By value; a document number too large for a double (read as infinity) has no exact decimal value. */
        private static int compareNumbers(JsonNode a, JsonNode b) {
            if (!Double.isFinite(a.doubleValue()) || !Double.isFinite(b.doubleValue())) {
                return Double.compare(a.doubleValue(), b.doubleValue());
            }
            return a.decimalValue().compareTo(b.decimalValue());
        }

        private boolean ordered(JsonNode a, JsonNode b) {
            int comparison;
            if (a.isNumber() && b.isNumber()) {
                comparison = compareNumbers(a, b);
            } else if (a.isTextual() && b.isTextual()) {
                comparison = a.textValue().compareTo(b.textValue());
            } else {
                return false;
            }
            return switch (operator) {
                case LT -> comparison < 0;
                case LE -> comparison <= 0;
                case GT -> comparison > 0;
                case GE -> comparison >= 0;
                case EQ, NE -> throw new IllegalStateException("not an order operator: " + operator);
            };
        }
    }

    enum Operator {
        EQ("=="), NE("!="), LE("<="), GE(">="), LT("<"), GT(">");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
