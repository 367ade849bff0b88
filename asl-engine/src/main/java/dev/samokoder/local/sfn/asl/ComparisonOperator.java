package dev.samokoder.local.sfn.asl;

import java.util.Arrays;
import java.util.Optional;

/** Every comparison operator of a Choice Rule, grouped by the type it compares and the relation it tests. */
public enum ComparisonOperator {
    STRING_EQUALS("StringEquals", Kind.STRING, Relation.EQ, false),
    STRING_EQUALS_PATH("StringEqualsPath", Kind.STRING, Relation.EQ, true),
    STRING_LESS_THAN("StringLessThan", Kind.STRING, Relation.LT, false),
    STRING_LESS_THAN_PATH("StringLessThanPath", Kind.STRING, Relation.LT, true),
    STRING_GREATER_THAN("StringGreaterThan", Kind.STRING, Relation.GT, false),
    STRING_GREATER_THAN_PATH("StringGreaterThanPath", Kind.STRING, Relation.GT, true),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Kind.STRING, Relation.LTE, false),
    STRING_LESS_THAN_EQUALS_PATH("StringLessThanEqualsPath", Kind.STRING, Relation.LTE, true),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Kind.STRING, Relation.GTE, false),
    STRING_GREATER_THAN_EQUALS_PATH("StringGreaterThanEqualsPath", Kind.STRING, Relation.GTE, true),
    STRING_MATCHES("StringMatches", Kind.STRING_PATTERN, Relation.EQ, false),
    NUMERIC_EQUALS("NumericEquals", Kind.NUMERIC, Relation.EQ, false),
    NUMERIC_EQUALS_PATH("NumericEqualsPath", Kind.NUMERIC, Relation.EQ, true),
    NUMERIC_LESS_THAN("NumericLessThan", Kind.NUMERIC, Relation.LT, false),
    NUMERIC_LESS_THAN_PATH("NumericLessThanPath", Kind.NUMERIC, Relation.LT, true),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Kind.NUMERIC, Relation.GT, false),
    NUMERIC_GREATER_THAN_PATH("NumericGreaterThanPath", Kind.NUMERIC, Relation.GT, true),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Kind.NUMERIC, Relation.LTE, false),
    NUMERIC_LESS_THAN_EQUALS_PATH("NumericLessThanEqualsPath", Kind.NUMERIC, Relation.LTE, true),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Kind.NUMERIC, Relation.GTE, false),
    NUMERIC_GREATER_THAN_EQUALS_PATH("NumericGreaterThanEqualsPath", Kind.NUMERIC, Relation.GTE, true),
    BOOLEAN_EQUALS("BooleanEquals", Kind.BOOLEAN, Relation.EQ, false),
    BOOLEAN_EQUALS_PATH("BooleanEqualsPath", Kind.BOOLEAN, Relation.EQ, true),
    TIMESTAMP_EQUALS("TimestampEquals", Kind.TIMESTAMP, Relation.EQ, false),
    TIMESTAMP_EQUALS_PATH("TimestampEqualsPath", Kind.TIMESTAMP, Relation.EQ, true),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Kind.TIMESTAMP, Relation.LT, false),
    TIMESTAMP_LESS_THAN_PATH("TimestampLessThanPath", Kind.TIMESTAMP, Relation.LT, true),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Kind.TIMESTAMP, Relation.GT, false),
    TIMESTAMP_GREATER_THAN_PATH("TimestampGreaterThanPath", Kind.TIMESTAMP, Relation.GT, true),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Kind.TIMESTAMP, Relation.LTE, false),
    TIMESTAMP_LESS_THAN_EQUALS_PATH("TimestampLessThanEqualsPath", Kind.TIMESTAMP, Relation.LTE, true),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Kind.TIMESTAMP, Relation.GTE, false),
    TIMESTAMP_GREATER_THAN_EQUALS_PATH("TimestampGreaterThanEqualsPath", Kind.TIMESTAMP, Relation.GTE, true),
    IS_NULL("IsNull", Kind.TYPE_TEST, Relation.EQ, false),
    IS_PRESENT("IsPresent", Kind.TYPE_TEST, Relation.EQ, false),
    IS_NUMERIC("IsNumeric", Kind.TYPE_TEST, Relation.EQ, false),
    IS_STRING("IsString", Kind.TYPE_TEST, Relation.EQ, false),
    IS_BOOLEAN("IsBoolean", Kind.TYPE_TEST, Relation.EQ, false),
    IS_TIMESTAMP("IsTimestamp", Kind.TYPE_TEST, Relation.EQ, false);

    public enum Kind { STRING, STRING_PATTERN, NUMERIC, BOOLEAN, TIMESTAMP, TYPE_TEST }

    public enum Relation { EQ, LT, GT, LTE, GTE }

    private final String fieldName;
    private final Kind kind;
    private final Relation relation;
    private final boolean path;

    ComparisonOperator(String fieldName, Kind kind, Relation relation, boolean path) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.relation = relation;
        this.path = path;
    }

    public static Optional<ComparisonOperator> byFieldName(String name) {
        return Arrays.stream(values()).filter(op -> op.fieldName.equals(name)).findFirst();
    }

    public String fieldName() {
        return fieldName;
    }

    public Kind kind() {
        return kind;
    }

    public Relation relation() {
        return relation;
    }

    public boolean isPath() {
        return path;
    }
}
