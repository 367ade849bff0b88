package dev.samokoder.local.sfn.paths;

/** A position in the text of a path, shared by the path and filter parsers so every error points at its character. */
final class PathCursor {

    private final String text;
    private int position;

    PathCursor(String text, int position) {
        this.text = text;
        this.position = position;
    }

    String text() {
        return text;
    }

    int position() {
        return position;
    }

    boolean atEnd() {
        return position >= text.length();
    }

    /** The current character, or 0 at the end. */
    char peek() {
        return atEnd() ? 0 : text.charAt(position);
    }

    /** The character after the current one, or 0 past the end. */
    char peekNext() {
        return position + 1 < text.length() ? text.charAt(position + 1) : 0;
    }

    boolean at(String expected) {
        return text.startsWith(expected, position);
    }

    char next() {
        return text.charAt(position++);
    }

    void skip(int characters) {
        position += characters;
    }

    void skipSpaces() {
        while (!atEnd() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    void expect(char c) throws JsonPathSyntaxException {
        if (atEnd() || peek() != c) {
            throw error(atEnd() ? "expected '" + c + "' but the path ends" : "expected '" + c + "'");
        }
        position++;
    }

    /** A quoted string at the cursor ('single' or "double"), with backslash escaping the next character. */
    String quoted() throws JsonPathSyntaxException {
        char quote = next();
        StringBuilder value = new StringBuilder();
        while (!atEnd() && peek() != quote) {
            char c = next();
            if (c == '\\' && !atEnd()) {
                c = next();
            }
            value.append(c);
        }
        if (atEnd()) {
            throw error("unterminated string, expected " + quote);
        }
        position++;
        return value.toString();
    }

    JsonPathSyntaxException error(String what) {
        return new JsonPathSyntaxException("Invalid JSONPath '" + text + "' at position " + position + ": " + what);
    }
}
