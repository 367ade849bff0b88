package dev.samokoder.core.storage;

import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The primary key of an item in the single table. */
public record Key(String pk, String sk) {

    public Key {
        Objects.requireNonNull(pk, "pk");
        Objects.requireNonNull(sk, "sk");
    }

    public Map<String, AttributeValue> toAttributes() {
        return Map.of(TableSchema.PK, AttributeValue.fromS(pk), TableSchema.SK, AttributeValue.fromS(sk));
    }

    @Override
    public String toString() {
        return pk + " / " + sk;
    }
}
