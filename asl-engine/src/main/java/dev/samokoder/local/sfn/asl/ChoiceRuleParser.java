package dev.samokoder.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.local.sfn.asl.FieldReader.PathKind;
import dev.samokoder.local.sfn.paths.JsonPath;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Parses Choice Rules: top-level rules need Next, nested ones must not have it; each leaf has one operator. */
final class ChoiceRuleParser {

    ChoiceRule.Branch branch(FieldReader fields) {
        if (!fields.node().isObject()) {
            fields.problem("Choices", "a choice rule must be a JSON object");
            return null;
        }
        String next = fields.string("Next", true);
        ChoiceRule rule = rule(fields, true);
        return rule == null ? null : new ChoiceRule.Branch(rule, next);
    }

    private ChoiceRule rule(FieldReader fields, boolean topLevel) {
        JsonNode node = fields.node();
        if (!node.isObject()) {
            fields.problem("Choices", "a choice rule must be a JSON object");
            return null;
        }
        if (!topLevel && node.has("Next")) {
            fields.problem("Next", "a nested choice rule may not have 'Next'");
        }
        List<String> operators = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            if (key.equals("And") || key.equals("Or") || key.equals("Not")
                    || ComparisonOperator.byFieldName(key).isPresent()) {
                operators.add(key);
            } else if (!key.equals("Variable") && !key.equals("Next") && !key.equals("Comment")) {
                fields.problem(key, "'" + key + "' is not a comparison operator or Choice Rule field");
            }
        }
        if (operators.size() != 1) {
            fields.problem("Variable", "a choice rule needs exactly one of And, Or, Not or a comparison operator, found " + operators);
            return null;
        }
        String operator = operators.getFirst();
        return switch (operator) {
            case "And", "Or" -> combination(fields, operator);
            case "Not" -> {
                ChoiceRule inner = rule(fields.nested(node.get("Not"), "/Not"), false);
                yield inner == null ? null : new ChoiceRule.Not(inner);
            }
            default -> comparison(fields, ComparisonOperator.byFieldName(operator).orElseThrow());
        };
    }

    private ChoiceRule combination(FieldReader fields, String operator) {
        JsonNode list = fields.node().get(operator);
        if (!list.isArray() || list.isEmpty()) {
            fields.problem(operator, "'" + operator + "' must be a non-empty array of choice rules");
            return null;
        }
        List<ChoiceRule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ChoiceRule rule = rule(fields.nested(list.get(i), "/" + operator + "/" + i), false);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return operator.equals("And") ? new ChoiceRule.And(rules) : new ChoiceRule.Or(rules);
    }

    private ChoiceRule comparison(FieldReader fields, ComparisonOperator operator) {
        JsonPath variable = fields.path("Variable", PathKind.REFERENCE_PATH);
        if (!fields.has("Variable")) {
            fields.problem("Variable", "a comparison needs 'Variable'");
        }
        JsonNode operand = fields.node().get(operator.fieldName());
        if (operator.isPath()) {
            return new ChoiceRule.Comparison(variable, operator, null, fields.path(operator.fieldName(), PathKind.REFERENCE_PATH));
        }
        if (!operandHasRightType(operator, operand)) {
            fields.problem(operator.fieldName(), "'" + operator.fieldName() + "' has a value of the wrong type: " + operand);
        }
        return new ChoiceRule.Comparison(variable, operator, operand, null);
    }

    private static boolean operandHasRightType(ComparisonOperator operator, JsonNode operand) {
        return switch (operator.kind()) {
            case STRING, STRING_PATTERN -> operand.isTextual();
            case NUMERIC -> operand.isNumber();
            case BOOLEAN, TYPE_TEST -> operand.isBoolean();
            case TIMESTAMP -> operand.isTextual() && Timestamps.parse(operand.textValue()) != null;
        };
    }
}
