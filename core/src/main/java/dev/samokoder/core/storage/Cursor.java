package dev.samokoder.core.storage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Opaque pagination cursors: the last evaluated key of a query, base64url-encoded. A cursor is
 * accepted only for the partition it was made for, so a crafted cursor cannot reach into another
 * user's data; it can only move within the caller's own listing.
 */
final class Cursor {

    private static final char SEPARATOR = '\n';
    private static final int MAX_LENGTH = 2048;

    private Cursor() {
    }

    static String encode(Map<String, AttributeValue> lastEvaluatedKey) {
        String raw = lastEvaluatedKey.get(TableSchema.PK).s() + SEPARATOR + lastEvaluatedKey.get(TableSchema.SK).s();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor, String expectedPartition) {
        if (cursor.length() > MAX_LENGTH) {
            throw new InvalidCursorException("too long");
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException("not base64url");
        }
        int separator = raw.indexOf(SEPARATOR);
        if (separator < 0) {
            throw new InvalidCursorException("malformed");
        }
        String pk = raw.substring(0, separator);
        String sk = raw.substring(separator + 1);
        if (!pk.equals(expectedPartition)) {
            throw new InvalidCursorException("it belongs to another listing");
        }
        return new Key(pk, sk).toAttributes();
    }
}
