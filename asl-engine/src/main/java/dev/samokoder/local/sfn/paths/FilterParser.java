package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the condition inside {@code [?( ... )]}:
 * <pre>
 * or         = and ( "||" and )*
 * and        = primary ( "&&" primary )*
 * primary    = "(" or ")" | operand [ op operand ]     (an operand alone must be a relative path: existence)
 * operand    = "@" ( "." name | "[" quoted-name "]" | "[" integer "]" )+ | number | string | true | false | null
 * op         = "==" | "!=" | "<" | "<=" | ">" | ">="
 * </pre>
 * Everything else Jayway JsonPath knows in filters ({@code =~}, {@code in}, functions, {@code $} paths) is
 * refused with a message saying so. Parentheses nest at most {@link JsonPathLimits#MAX_FILTER_DEPTH} deep.
 */
final class FilterParser {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PathCursor cursor;

    private FilterParser(PathCursor cursor) {
        this.cursor = cursor;
    }

    /** Parses from the cursor (just after the filter's opening parenthesis) up to its closing one, not included. */
    static FilterExpression parse(PathCursor cursor) throws JsonPathSyntaxException {
        return new FilterParser(cursor).or(1);
    }

    private FilterExpression or(int depth) throws JsonPathSyntaxException {
        List<FilterExpression> operands = new ArrayList<>();
        operands.add(and(depth));
        while (skipSpacesThenAt("||")) {
            cursor.skip(2);
            operands.add(and(depth));
        }
        return operands.size() == 1 ? operands.getFirst() : new FilterExpression.Or(operands);
    }

    private FilterExpression and(int depth) throws JsonPathSyntaxException {
        List<FilterExpression> operands = new ArrayList<>();
        operands.add(primary(depth));
        while (skipSpacesThenAt("&&")) {
            cursor.skip(2);
            operands.add(primary(depth));
        }
        return operands.size() == 1 ? operands.getFirst() : new FilterExpression.And(operands);
    }

    private FilterExpression primary(int depth) throws JsonPathSyntaxException {
        cursor.skipSpaces();
        if (cursor.peek() == '(') {
            if (depth >= JsonPathLimits.MAX_FILTER_DEPTH) {
                throw cursor.error("filter parentheses nest deeper than " + JsonPathLimits.MAX_FILTER_DEPTH + " levels");
            }
            cursor.skip(1);
            FilterExpression inner = or(depth + 1);
            cursor.skipSpaces();
            cursor.expect(')');
            return inner;
        }
        FilterOperand left = operand();
        FilterExpression.Operator operator = operator();
        if (operator == null) {
            if (left instanceof FilterOperand.Relative relative) {
                return new FilterExpression.Exists(relative);
            }
            throw cursor.error("expected a comparison such as @.price < 10, or a member test such as @.isbn");
        }
        return new FilterExpression.Comparison(left, operator, operand());
    }

    private FilterExpression.Operator operator() throws JsonPathSyntaxException {
        cursor.skipSpaces();
        if (cursor.at("=~")) {
            throw cursor.error("regular expressions (=~) are not supported in filters");
        }
        for (FilterExpression.Operator operator : FilterExpression.Operator.values()) {
            if (cursor.at(operator.symbol())) {
                cursor.skip(operator.symbol().length());
                return operator;
            }
        }
        char c = cursor.peek();
        if (c == '=') {
            throw cursor.error("use '==' to compare");
        }
        if (Character.isLetter(c)) {
            throw cursor.error("the filter operator '" + word() + "' is not supported; use ==, !=, <, <=, > or >=");
        }
        return null;
    }

    private FilterOperand operand() throws JsonPathSyntaxException {
        cursor.skipSpaces();
        char c = cursor.peek();
        if (cursor.atEnd()) {
            throw cursor.error("the filter ends where a value or @ path was expected");
        }
        if (c == '@') {
            return relativePath();
        }
        if (c == '$') {
            throw cursor.error("a filter may refer only to the item under test (@), not to '$'");
        }
        if (c == '\'' || c == '"') {
            return new FilterOperand.Literal(NODES.textNode(cursor.quoted()));
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (c == '!') {
            throw cursor.error("'!' is not supported in filters");
        }
        if (!Character.isLetter(c)) {
            throw cursor.error("unexpected '" + c + "'");
        }
        String word = word();
        return switch (word) {
            case "true" -> new FilterOperand.Literal(NODES.booleanNode(true));
            case "false" -> new FilterOperand.Literal(NODES.booleanNode(false));
            case "null" -> new FilterOperand.Literal(NODES.nullNode());
            default -> throw cursor.error("'" + word + "' is not a value: quote strings, e.g. '" + word + "'");
        };
    }

    private FilterOperand relativePath() throws JsonPathSyntaxException {
        cursor.skip(1);
        List<PathSegment> segments = new ArrayList<>();
        while (cursor.peek() == '.' || cursor.peek() == '[') {
            if (cursor.next() == '.') {
                segments.add(new PathSegment.Field(memberName()));
            } else {
                segments.add(bracket());
            }
        }
        if (segments.isEmpty()) {
            throw cursor.error("'@' must be followed by a member, e.g. @.price");
        }
        return new FilterOperand.Relative(segments);
    }

    private String memberName() throws JsonPathSyntaxException {
        int start = cursor.position();
        while (!cursor.atEnd() && isNameCharacter(cursor.peek())) {
            cursor.skip(1);
        }
        String name = cursor.text().substring(start, cursor.position());
        if (name.isEmpty()) {
            throw cursor.error(cursor.peek() == '.' || cursor.peek() == '*'
                    ? "a filter path may use only .name, ['name'] and [index] (no '..' or '*')" : "expected a member name");
        }
        if (cursor.peek() == '(') {
            throw cursor.error("functions such as " + name + "() are not supported");
        }
        return name;
    }

    private static boolean isNameCharacter(char c) {
        return !Character.isWhitespace(c) && ".[]()=!<>&|'\",*".indexOf(c) < 0;
    }

    private PathSegment bracket() throws JsonPathSyntaxException {
        cursor.skipSpaces();
        PathSegment segment;
        char c = cursor.peek();
        if (c == '\'' || c == '"') {
            segment = new PathSegment.Field(cursor.quoted());
        } else {
            int start = cursor.position();
            while (cursor.peek() == '-' || Character.isDigit(cursor.peek())) {
                cursor.skip(1);
            }
            String index = cursor.text().substring(start, cursor.position());
            if (!index.matches("-?\\d{1,9}")) {
                throw cursor.error("a filter path may use only .name, ['name'] and [index]");
            }
            segment = new PathSegment.Index(Integer.parseInt(index));
        }
        cursor.skipSpaces();
        cursor.expect(']');
        return segment;
    }

    /** Integers that fit a long stay exact; other numbers become doubles, as Jackson reads them from the input. */
    private FilterOperand number() throws JsonPathSyntaxException {
        int start = cursor.position();
        while (Character.isDigit(cursor.peek()) || (!cursor.atEnd() && "+-.eE".indexOf(cursor.peek()) >= 0)) {
            cursor.skip(1);
        }
        String text = cursor.text().substring(start, cursor.position());
        if (!text.matches("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?")) {
            throw new PathCursor(cursor.text(), start).error("'" + text + "' is not a number");
        }
        if (text.matches("-?\\d{1,18}")) {
            return new FilterOperand.Literal(NODES.numberNode(Long.parseLong(text)));
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new PathCursor(cursor.text(), start).error("'" + text + "' is too large a number");
        }
        return new FilterOperand.Literal(NODES.numberNode(value));
    }

    private String word() {
        int start = cursor.position();
        while (Character.isLetter(cursor.peek())) {
            cursor.skip(1);
        }
        return cursor.text().substring(start, cursor.position());
    }

    private boolean skipSpacesThenAt(String token) {
        cursor.skipSpaces();
        return cursor.at(token);
    }
}
