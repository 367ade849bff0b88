package dev.samokoder.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samokoder.local.sfn.engine.SfnException;

import java.math.BigDecimal;
import java.time.Instant;

/** Field access and timestamp encoding of the AWS JSON 1.0 protocol (timestamps are epoch seconds). */
final class ApiJson {

    private ApiJson() {
    }

    static void putTimestamp(ObjectNode node, String field, Instant instant) {
        if (instant != null) {
            node.put(field, BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
        }
    }

    static void putIfNotNull(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static String required(JsonNode request, String field) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull() || !value.isTextual()) {
            throw new SfnException("ValidationException", "1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value.textValue();
    }

    static String optional(JsonNode request, String field) {
        JsonNode value = request.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static String requiredArn(JsonNode request, String field) {
        String arn = required(request, field);
        if (!arn.startsWith("arn:") || arn.split(":").length < 6) {
            throw new SfnException("InvalidArn", "Invalid Arn: '" + arn + "'");
        }
        return arn;
    }
}
