package dev.samokoder.local.sfn.paths;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** The parsed form of an intrinsic function call such as {@code States.Format('{}', $.name)}. */
public sealed interface IntrinsicExpression {

    record Call(String function, List<IntrinsicExpression> arguments) implements IntrinsicExpression {
    }

    /** A number, boolean or null literal. */
    record Literal(JsonNode value) implements IntrinsicExpression {
    }

    /**
     * A quoted string with quote and backslash escapes resolved; {@code \{} and {@code \}} are kept
     * because only States.Format gives braces a meaning.
     */
    record StringLiteral(String text) implements IntrinsicExpression {

        public String unescapedBraces() {
            return text.replace("\\{", "{").replace("\\}", "}");
        }
    }

    record PathArgument(JsonPath path) implements IntrinsicExpression {
    }
}
