package dev.samokoder.core.storage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reading and writing typed attributes of an item. Reads fail with a message naming the
 * attribute, since a malformed item is a bug to find fast, not a null to pass along.
 */
public final class Attributes {

    private final Map<String, AttributeValue> item;

    private Attributes(Map<String, AttributeValue> item) {
        this.item = item;
    }

    public static Attributes of(Map<String, AttributeValue> item) {
        return new Attributes(item);
    }

    /** Starts a new item with its key, type and version. */
    public static Builder item(Key key, String type, long version) {
        return new Builder()
                .string(TableSchema.PK, key.pk())
                .string(TableSchema.SK, key.sk())
                .string(TableSchema.TYPE, type)
                .number(TableSchema.VERSION, version);
    }

    public String string(String name) {
        AttributeValue value = required(name);
        if (value.s() == null) {
            throw malformed(name, "a string");
        }
        return value.s();
    }

    public Optional<String> optionalString(String name) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? Optional.empty() : Optional.of(value.s());
    }

    public long number(String name) {
        return decimal(name).longValueExact();
    }

    public BigDecimal decimal(String name) {
        AttributeValue value = required(name);
        if (value.n() == null) {
            throw malformed(name, "a number");
        }
        return new BigDecimal(value.n());
    }

    public Optional<BigDecimal> optionalDecimal(String name) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? Optional.empty() : Optional.of(new BigDecimal(value.n()));
    }

    public OptionalLong optionalNumber(String name) {
        return optionalDecimal(name).map(value -> OptionalLong.of(value.longValueExact())).orElse(OptionalLong.empty());
    }

    public boolean bool(String name) {
        AttributeValue value = required(name);
        if (value.bool() == null) {
            throw malformed(name, "a boolean");
        }
        return value.bool();
    }

    /** A list of strings; an absent attribute reads as empty (DynamoDB items leave empty lists out). */
    public List<String> stringList(String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            return List.of();
        }
        if (!value.hasL()) {
            throw malformed(name, "a list");
        }
        return value.l().stream().map(AttributeValue::s).toList();
    }

    public Optional<Instant> optionalInstant(String name) {
        return optionalString(name).map(Instant::parse);
    }

    public Instant instant(String name) {
        return Instant.parse(string(name));
    }

    public long version() {
        return number(TableSchema.VERSION);
    }

    private AttributeValue required(String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw malformed(name, "present");
        }
        return value;
    }

    private IllegalStateException malformed(String name, String expected) {
        return new IllegalStateException("item " + item.get(TableSchema.PK) + "/" + item.get(TableSchema.SK)
                + ": attribute '" + name + "' should be " + expected);
    }

    /** Builds an item's attribute map; absent optional values are left out, as DynamoDB wants. */
    public static final class Builder {
        private final Map<String, AttributeValue> values = new HashMap<>();

        public Builder string(String name, String value) {
            values.put(name, AttributeValue.fromS(value));
            return this;
        }

        public Builder optionalString(String name, Optional<String> value) {
            value.ifPresent(v -> string(name, v));
            return this;
        }

        public Builder number(String name, long value) {
            values.put(name, AttributeValue.fromN(Long.toString(value)));
            return this;
        }

        public Builder decimal(String name, BigDecimal value) {
            values.put(name, AttributeValue.fromN(value.toPlainString()));
            return this;
        }

        public Builder optionalDecimal(String name, Optional<BigDecimal> value) {
            value.ifPresent(v -> decimal(name, v));
            return this;
        }

        public Builder optionalNumber(String name, OptionalLong value) {
            value.ifPresent(v -> number(name, v));
            return this;
        }

        public Builder bool(String name, boolean value) {
            values.put(name, AttributeValue.fromBool(value));
            return this;
        }

        public Builder instant(String name, Instant value) {
            return string(name, value.toString());
        }

        public Builder optionalInstant(String name, Optional<Instant> value) {
            value.ifPresent(v -> instant(name, v));
            return this;
        }

        public Builder stringList(String name, List<String> value) {
            values.put(name, AttributeValue.fromL(value.stream().map(AttributeValue::fromS).toList()));
            return this;
        }

        public Map<String, AttributeValue> build() {
            return Map.copyOf(values);
        }
    }
}
