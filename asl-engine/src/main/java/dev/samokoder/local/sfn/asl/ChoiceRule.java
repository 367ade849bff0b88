package dev.samokoder.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.local.sfn.paths.JsonPath;

import java.util.List;

/** A Choice Rule: a boolean combination of comparisons against the state's effective input. */
public sealed interface ChoiceRule {

    record Branch(ChoiceRule rule, String next) {
    }

    record And(List<ChoiceRule> rules) implements ChoiceRule {
    }

    record Or(List<ChoiceRule> rules) implements ChoiceRule {
    }

    record Not(ChoiceRule rule) implements ChoiceRule {
    }

    /** A leaf: {@code operandPath} is set for the *Path operators, {@code operand} otherwise. */
    record Comparison(JsonPath variable, ComparisonOperator operator, JsonNode operand, JsonPath operandPath)
            implements ChoiceRule {
    }
}
