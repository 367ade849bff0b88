package dev.samokoder.local.sfn.engine;

import java.util.regex.Pattern;

/** StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are a literal star and backslash. */
final class StringPattern {

    private StringPattern() {
    }

    static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                literal.append(pattern.charAt(++i));
            } else if (c == '*') {
                flush(literal, regex);
                regex.append(".*");
            } else {
                literal.append(c);
            }
        }
        flush(literal, regex);
        return value.matches("(?s)" + regex);
    }

    private static void flush(StringBuilder literal, StringBuilder regex) {
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }
}
