package dev.samokoder.local.sfn.paths;

import java.util.ArrayList;
import java.util.List;

/** Turns the text of a path into segments; rejects what {@link JsonPath} does not support with a precise message. */
final class JsonPathParser {

    private final String text;
    private int position;

    private JsonPathParser(String text) {
        this.text = text;
    }

    static JsonPath parse(String text) throws JsonPathSyntaxException {
        if (text == null || !text.startsWith("$")) {
            throw new JsonPathSyntaxException("'" + text + "' is not a JSONPath: it must start with '$'");
        }
        return new JsonPathParser(text).parsePath();
    }

    private JsonPath parsePath() throws JsonPathSyntaxException {
        boolean context = text.startsWith("$$");
        position = context ? 2 : 1;
        List<PathSegment> segments = new ArrayList<>();
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == '.') {
                segments.add(dotSegment());
            } else if (c == '[') {
                segments.add(bracketSegment());
            } else {
                throw error("unexpected '" + c + "'");
            }
        }
        return JsonPath.of(text, context, segments);
    }

    private PathSegment dotSegment() throws JsonPathSyntaxException {
        position++;
        if (position < text.length() && text.charAt(position) == '.') {
            throw error("deep scan '..' is not supported");
        }
        if (position < text.length() && text.charAt(position) == '*') {
            position++;
            return new PathSegment.Wildcard();
        }
        int start = position;
        while (position < text.length() && text.charAt(position) != '.' && text.charAt(position) != '[') {
            position++;
        }
        if (start == position) {
            throw error("empty field name");
        }
        String name = text.substring(start, position);
        if (name.contains("]") || name.contains("'") || name.contains("?") || name.contains("(")) {
            throw error("invalid field name '" + name + "'");
        }
        return new PathSegment.Field(name);
    }

    private PathSegment bracketSegment() throws JsonPathSyntaxException {
        position++;
        if (position >= text.length()) {
            throw error("unterminated '['");
        }
        char c = text.charAt(position);
        if (c == '\'' || c == '"') {
            return quotedField(c);
        }
        if (c == '*') {
            position++;
            expect(']');
            return new PathSegment.Wildcard();
        }
        int start = position;
        while (position < text.length() && text.charAt(position) != ']') {
            position++;
        }
        String body = text.substring(start, position);
        expect(']');
        if (!body.matches("-?\\d+")) {
            throw error("'[" + body + "]' is not supported (filters, slices and unions are not)");
        }
        return new PathSegment.Index(Integer.parseInt(body));
    }

    private PathSegment quotedField(char quote) throws JsonPathSyntaxException {
        position++;
        StringBuilder name = new StringBuilder();
        while (position < text.length() && text.charAt(position) != quote) {
            char c = text.charAt(position);
            if (c == '\\' && position + 1 < text.length()) {
                position++;
                c = text.charAt(position);
            }
            name.append(c);
            position++;
        }
        expect(quote);
        expect(']');
        return new PathSegment.Field(name.toString());
    }

    private void expect(char c) throws JsonPathSyntaxException {
        if (position >= text.length() || text.charAt(position) != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private JsonPathSyntaxException error(String what) {
        return new JsonPathSyntaxException("Invalid JSONPath '" + text + "' at position " + position + ": " + what);
    }
}
