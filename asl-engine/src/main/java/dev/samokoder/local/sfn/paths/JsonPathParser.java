package dev.samokoder.local.sfn.paths;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the text of a path into segments; rejects what {@link JsonPath} does not support with a message that
 * names the path, the position and the reason.
 */
final class JsonPathParser {

    private final PathCursor cursor;

    private JsonPathParser(PathCursor cursor) {
        this.cursor = cursor;
    }

    static JsonPath parse(String text) throws JsonPathSyntaxException {
        if (text == null || !text.startsWith("$")) {
            throw new JsonPathSyntaxException("'" + text + "' is not a JSONPath: it must start with '$'");
        }
        if (text.length() > JsonPathLimits.MAX_PATH_LENGTH) {
            throw new JsonPathSyntaxException("The JSONPath '" + text.substring(0, 64) + "...' is " + text.length()
                    + " characters long; at most " + JsonPathLimits.MAX_PATH_LENGTH + " are allowed");
        }
        boolean context = text.startsWith("$$");
        JsonPathParser parser = new JsonPathParser(new PathCursor(text, context ? 2 : 1));
        return JsonPath.of(text, context, parser.segments());
    }

    private List<PathSegment> segments() throws JsonPathSyntaxException {
        List<PathSegment> segments = new ArrayList<>();
        while (!cursor.atEnd()) {
            char c = cursor.peek();
            if (c == '.' && cursor.peekNext() == '.') {
                segments.add(descendants());
            } else if (c == '.') {
                segments.add(dotSegment());
            } else if (c == '[') {
                segments.add(bracketSegment());
            } else {
                throw cursor.error("unexpected '" + c + "'");
            }
        }
        return segments;
    }

    private PathSegment descendants() throws JsonPathSyntaxException {
        cursor.skip(2);
        char c = cursor.peek();
        if (cursor.atEnd() || c == '.') {
            throw cursor.error("'..' must be followed by a member name, '*' or a bracket");
        }
        if (c == '[') {
            return new PathSegment.Descendants(bracketSegment());
        }
        if (c == '*') {
            cursor.skip(1);
            return new PathSegment.Descendants(new PathSegment.Wildcard());
        }
        return new PathSegment.Descendants(new PathSegment.Field(memberName()));
    }

    private PathSegment dotSegment() throws JsonPathSyntaxException {
        cursor.skip(1);
        if (cursor.peek() == '*') {
            cursor.skip(1);
            return new PathSegment.Wildcard();
        }
        return new PathSegment.Field(memberName());
    }

    private String memberName() throws JsonPathSyntaxException {
        int start = cursor.position();
        while (!cursor.atEnd() && cursor.peek() != '.' && cursor.peek() != '[') {
            cursor.skip(1);
        }
        String name = cursor.text().substring(start, cursor.position());
        if (name.isEmpty()) {
            throw cursor.error("empty field name");
        }
        if (name.endsWith("()")) {
            throw cursor.error("functions such as '" + name + "' are not supported");
        }
        if (name.contains("]") || name.contains("'") || name.contains("?") || name.contains("(")) {
            throw cursor.error("invalid field name '" + name + "'");
        }
        return name;
    }

    private PathSegment bracketSegment() throws JsonPathSyntaxException {
        cursor.skip(1);
        cursor.skipSpaces();
        char c = cursor.peek();
        PathSegment segment;
        if (cursor.atEnd()) {
            throw cursor.error("unterminated '['");
        } else if (c == '\'' || c == '"') {
            segment = names();
        } else if (c == '*') {
            cursor.skip(1);
            segment = new PathSegment.Wildcard();
        } else if (c == '?') {
            segment = filter();
        } else {
            segment = indexesOrSlice();
        }
        cursor.skipSpaces();
        cursor.expect(']');
        return segment;
    }

    private PathSegment names() throws JsonPathSyntaxException {
        List<String> names = new ArrayList<>();
        names.add(cursor.quoted());
        cursor.skipSpaces();
        while (cursor.peek() == ',') {
            cursor.skip(1);
            cursor.skipSpaces();
            if (cursor.peek() != '\'' && cursor.peek() != '"') {
                throw cursor.error("a union of names lists quoted names only, e.g. ['a','b']");
            }
            names.add(cursor.quoted());
            cursor.skipSpaces();
        }
        return names.size() == 1 ? new PathSegment.Field(names.getFirst()) : new PathSegment.Fields(names);
    }

    private PathSegment filter() throws JsonPathSyntaxException {
        cursor.skip(1);
        cursor.skipSpaces();
        cursor.expect('(');
        FilterExpression expression = FilterParser.parse(cursor);
        cursor.skipSpaces();
        cursor.expect(')');
        return new PathSegment.Filter(expression);
    }

    private PathSegment indexesOrSlice() throws JsonPathSyntaxException {
        int start = cursor.position();
        while (!cursor.atEnd() && cursor.peek() != ']') {
            cursor.skip(1);
        }
        String body = cursor.text().substring(start, cursor.position()).strip();
        List<String> sliceParts = parts(body, ":");
        if (sliceParts.size() <= 3 && sliceParts.size() > 1 && sliceParts.stream().allMatch(p -> p.matches("-?\\d*"))) {
            return slice(sliceParts, start);
        }
        List<String> indexParts = parts(body, ",");
        if (indexParts.stream().allMatch(p -> p.matches("-?\\d+"))) {
            List<Integer> indexes = new ArrayList<>();
            for (String index : indexParts) {
                indexes.add(integer(index, start));
            }
            return indexes.size() == 1 ? new PathSegment.Index(indexes.getFirst()) : new PathSegment.Indexes(indexes);
        }
        throw new PathCursor(cursor.text(), start).error("'[" + body + "]' is not supported: a bracket holds an index [2],"
                + " a slice [start:end:step], a union [0,2] or ['a','b'], '*' or a filter [?(...)]");
    }

    private static List<String> parts(String body, String separator) {
        List<String> parts = new ArrayList<>();
        for (String part : body.split(separator, -1)) {
            parts.add(part.strip());
        }
        return parts;
    }

    private PathSegment slice(List<String> parts, int position) throws JsonPathSyntaxException {
        Integer step = parts.size() == 3 ? optionalInteger(parts.get(2), position) : null;
        if (step != null && step == 0) {
            throw new PathCursor(cursor.text(), position).error("a slice step may not be 0");
        }
        return new PathSegment.Slice(optionalInteger(parts.get(0), position), optionalInteger(parts.get(1), position),
                step == null ? 1 : step);
    }

    private Integer optionalInteger(String text, int position) throws JsonPathSyntaxException {
        return text.isEmpty() ? null : integer(text, position);
    }

    private int integer(String text, int position) throws JsonPathSyntaxException {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new PathCursor(cursor.text(), position).error("'" + text + "' is not an index");
        }
    }
}
