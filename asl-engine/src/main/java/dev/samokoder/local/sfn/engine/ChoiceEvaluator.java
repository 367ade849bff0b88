package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.local.sfn.asl.ChoiceRule;
import dev.samokoder.local.sfn.asl.ComparisonOperator;
import dev.samokoder.local.sfn.asl.Timestamps;
import dev.samokoder.local.sfn.paths.JsonPath;
import dev.samokoder.local.sfn.paths.PathReadException;

import java.time.Instant;

/**
 * Evaluates Choice Rules. A comparison between values of different types is false; a Variable (or a
 * *Path operand) that selects nothing is a States.Runtime error, except for IsPresent.
 */
final class ChoiceEvaluator {

    private ChoiceEvaluator() {
    }

    static boolean matches(ChoiceRule rule, JsonNode input, JsonNode context) throws StateFailure {
        return switch (rule) {
            case ChoiceRule.And and -> {
                for (ChoiceRule inner : and.rules()) {
                    if (!matches(inner, input, context)) {
                        yield false;
                    }
                }
                yield true;
            }
            case ChoiceRule.Or or -> {
                for (ChoiceRule inner : or.rules()) {
                    if (matches(inner, input, context)) {
                        yield true;
                    }
                }
                yield false;
            }
            case ChoiceRule.Not not -> !matches(not.rule(), input, context);
            case ChoiceRule.Comparison comparison -> compare(comparison, input, context);
        };
    }

    private static boolean compare(ChoiceRule.Comparison comparison, JsonNode input, JsonNode context) throws StateFailure {
        ComparisonOperator operator = comparison.operator();
        JsonPath variable = comparison.variable();
        JsonNode source = variable.isContextPath() ? context : input;
        if (operator == ComparisonOperator.IS_PRESENT) {
            return (variable.readOrNull(source) != null) == comparison.operand().booleanValue();
        }
        JsonNode value = read(variable, source);
        if (operator.kind() == ComparisonOperator.Kind.TYPE_TEST) {
            return typeTest(operator, value) == comparison.operand().booleanValue();
        }
        JsonNode operand = comparison.operand();
        if (operator.isPath()) {
            JsonPath operandPath = comparison.operandPath();
            operand = read(operandPath, operandPath.isContextPath() ? context : input);
        }
        return switch (operator.kind()) {
            case STRING -> value.isTextual() && operand.isTextual()
                    && holds(operator.relation(), value.textValue().compareTo(operand.textValue()));
            case STRING_PATTERN -> value.isTextual() && StringPattern.matches(operand.textValue(), value.textValue());
            case NUMERIC -> value.isNumber() && operand.isNumber()
                    && holds(operator.relation(), value.decimalValue().compareTo(operand.decimalValue()));
            case BOOLEAN -> value.isBoolean() && operand.isBoolean() && value.booleanValue() == operand.booleanValue();
            case TIMESTAMP -> compareTimestamps(operator, value, operand);
            case TYPE_TEST -> throw new IllegalStateException("handled above");
        };
    }

    private static boolean compareTimestamps(ComparisonOperator operator, JsonNode value, JsonNode operand) {
        Instant left = value.isTextual() ? Timestamps.parse(value.textValue()) : null;
        Instant right = operand.isTextual() ? Timestamps.parse(operand.textValue()) : null;
        return left != null && right != null && holds(operator.relation(), left.compareTo(right));
    }

    private static boolean typeTest(ComparisonOperator operator, JsonNode value) {
        return switch (operator) {
            case IS_NULL -> value.isNull();
            case IS_NUMERIC -> value.isNumber();
            case IS_STRING -> value.isTextual();
            case IS_BOOLEAN -> value.isBoolean();
            case IS_TIMESTAMP -> value.isTextual() && Timestamps.parse(value.textValue()) != null;
            default -> throw new IllegalStateException(operator + " is not a type test");
        };
    }

    private static boolean holds(ComparisonOperator.Relation relation, int comparison) {
        return switch (relation) {
            case EQ -> comparison == 0;
            case LT -> comparison < 0;
            case GT -> comparison > 0;
            case LTE -> comparison <= 0;
            case GTE -> comparison >= 0;
        };
    }

    private static JsonNode read(JsonPath path, JsonNode source) throws StateFailure {
        try {
            return path.read(source);
        } catch (PathReadException e) {
            throw new StateFailure(ErrorNames.RUNTIME, "Invalid path '" + path.text()
                    + "': The choice state's condition path references an invalid value.");
        }
    }
}
