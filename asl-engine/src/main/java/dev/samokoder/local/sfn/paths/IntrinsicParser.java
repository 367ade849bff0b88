package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Parses the text of an intrinsic function call and checks the function name and argument count. */
public final class IntrinsicParser {

    private final String text;
    private int position;

    private IntrinsicParser(String text) {
        this.text = text;
    }

    public static boolean looksLikeIntrinsic(String text) {
        return text.startsWith("States.");
    }

    public static IntrinsicExpression.Call parse(String text) throws JsonPathSyntaxException {
        IntrinsicParser parser = new IntrinsicParser(text);
        IntrinsicExpression.Call call = parser.call();
        parser.skipSpaces();
        if (parser.position != text.length()) {
            throw parser.error("unexpected text after the closing ')'");
        }
        return call;
    }

    private IntrinsicExpression.Call call() throws JsonPathSyntaxException {
        int start = position;
        while (position < text.length() && (Character.isLetterOrDigit(text.charAt(position)) || text.charAt(position) == '.')) {
            position++;
        }
        String name = text.substring(start, position);
        IntrinsicFunction function = IntrinsicFunction.byName(name)
                .orElseThrow(() -> error("unknown intrinsic function '" + name + "'"));
        skipSpaces();
        expect('(');
        List<IntrinsicExpression> arguments = new ArrayList<>();
        skipSpaces();
        if (peek() == ')') {
            position++;
        } else {
            while (true) {
                skipSpaces();
                arguments.add(argument());
                skipSpaces();
                char c = peek();
                position++;
                if (c == ')') {
                    break;
                }
                if (c != ',') {
                    throw error("expected ',' or ')'");
                }
            }
        }
        if (arguments.size() < function.minArguments() || arguments.size() > function.maxArguments()) {
            throw error(name + " takes " + function.arityDescription() + " argument(s), got " + arguments.size());
        }
        return new IntrinsicExpression.Call(name, arguments);
    }

    private IntrinsicExpression argument() throws JsonPathSyntaxException {
        char c = peek();
        if (c == '\'') {
            return stringLiteral();
        }
        if (c == '$') {
            int start = position;
            while (position < text.length() && text.charAt(position) != ',' && text.charAt(position) != ')'
                    && !Character.isWhitespace(text.charAt(position))) {
                if (text.charAt(position) == '[') {
                    skipBracket();
                } else {
                    position++;
                }
            }
            return new IntrinsicExpression.PathArgument(JsonPath.parse(text.substring(start, position)));
        }
        if (text.startsWith("States.", position)) {
            return call();
        }
        int start = position;
        while (position < text.length() && text.charAt(position) != ',' && text.charAt(position) != ')'
                && !Character.isWhitespace(text.charAt(position))) {
            position++;
        }
        String token = text.substring(start, position);
        return switch (token) {
            case "true" -> new IntrinsicExpression.Literal(JsonNodeFactory.instance.booleanNode(true));
            case "false" -> new IntrinsicExpression.Literal(JsonNodeFactory.instance.booleanNode(false));
            case "null" -> new IntrinsicExpression.Literal(JsonNodeFactory.instance.nullNode());
            default -> numberLiteral(token);
        };
    }

    private IntrinsicExpression numberLiteral(String token) throws JsonPathSyntaxException {
        try {
            BigDecimal number = new BigDecimal(token);
            if (number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                return new IntrinsicExpression.Literal(JsonNodeFactory.instance.numberNode(number.longValueExact()));
            }
            return new IntrinsicExpression.Literal(JsonNodeFactory.instance.numberNode(number.doubleValue()));
        } catch (NumberFormatException | ArithmeticException e) {
            throw error("'" + token + "' is not a string, number, boolean, null, path or intrinsic function");
        }
    }

    /** Skips a bracket of a path argument, nested ones included (a filter's, e.g. [?(@.a[0] == ', ')]). */
    private void skipBracket() {
        char quote = 0;
        int depth = 0;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (quote != 0) {
                if (c == '\\') {
                    position++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return;
            }
        }
    }

    private IntrinsicExpression stringLiteral() throws JsonPathSyntaxException {
        position++;
        StringBuilder value = new StringBuilder();
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (c == '\\' && position < text.length()) {
                char escaped = text.charAt(position++);
                if (escaped == '{' || escaped == '}') {
                    value.append('\\');
                }
                value.append(escaped);
            } else if (c == '\'') {
                return new IntrinsicExpression.StringLiteral(value.toString());
            } else {
                value.append(c);
            }
        }
        throw error("unterminated string literal");
    }

    private char peek() throws JsonPathSyntaxException {
        if (position >= text.length()) {
            throw error("unexpected end of expression");
        }
        return text.charAt(position);
    }

    private void expect(char c) throws JsonPathSyntaxException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private void skipSpaces() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }

    private JsonPathSyntaxException error(String what) {
        return new JsonPathSyntaxException("Invalid intrinsic function '" + text + "' at position " + position + ": " + what);
    }
}
