package dev.samokoder.services.runs;

import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.TableSchema;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * A run's timeline: append-only, ordered by a sequence number from an atomic counter, read with
 * an {@code after} cursor so a live view fetches only what is new. Each event is its own small
 * item (the run item never grows).
 */
public final class RunEvents {

    static final String TYPE = "RunEvent";
    /** Data fields an event may carry, and how long each may be: small facts, never file contents. */
    static final int MAX_DATA_FIELDS = 16;
    static final int MAX_TEXT = 2_000;
    /** The largest sequence number the 12-digit sort key holds. */
    static final long MAX_SEQ = 999_999_999_999L;

    private final DynamoDbClient dynamoDb;
    private final SingleTable table;
    private final Clock clock;

    public RunEvents(DynamoDbClient dynamoDb, SingleTable table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    public RunEvent append(String runId, String type, String message, Map<String, String> data) {
        if (data.size() > MAX_DATA_FIELDS) {
            throw new IllegalArgumentException("an event carries at most " + MAX_DATA_FIELDS + " data fields");
        }
        long seq = nextSeq(runId);
        Map<String, String> bounded = new LinkedHashMap<>();
        data.forEach((key, value) -> bounded.put(key, clip(value)));
        RunEvent event = new RunEvent(runId, seq, type, clip(message), bounded, clock.instant());
        Map<String, AttributeValue> item = new LinkedHashMap<>(Attributes.item(Keys.runEvent(runId, seq), TYPE, 1)
                .number("seq", seq)
                .string("eventType", type)
                .string("message", event.message())
                .instant("at", event.at())
                .build());
        Map<String, AttributeValue> dataMap = new LinkedHashMap<>();
        bounded.forEach((key, value) -> dataMap.put(key, AttributeValue.fromS(value)));
        item.put("data", AttributeValue.fromM(dataMap));
        table.create(Keys.runEvent(runId, seq), item);
        return event;
    }

    /** Events with a sequence number above {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<RunEvent> after(String runId, long afterSeq, int limit) {
        var response = dynamoDb.query(r -> r.tableName(table.tableName())
                // the run's partition also holds its model calls and counters: read only the event range
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :first AND :last")
                .expressionAttributeNames(Map.of("#pk", TableSchema.PK, "#sk", TableSchema.SK))
                .expressionAttributeValues(Map.of(
                        ":pk", AttributeValue.fromS(Keys.runPartition(runId)),
                        ":first", AttributeValue.fromS(Keys.runEvent(runId, afterSeq + 1).sk()),
                        ":last", AttributeValue.fromS(Keys.runEvent(runId, MAX_SEQ).sk())))
                .consistentRead(true)
                .limit(Math.clamp(limit, 1, 500)));
        return response.items().stream().map(item -> fromItem(runId, item)).toList();
    }

    private long nextSeq(String runId) {
        var response = dynamoDb.updateItem(r -> r.tableName(table.tableName())
                .key(Keys.runEventSequence(runId).toAttributes())
                .updateExpression("ADD #next :one")
                .expressionAttributeNames(Map.of("#next", "next"))
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                .returnValues(ReturnValue.UPDATED_NEW));
        return Long.parseLong(response.attributes().get("next").n());
    }

    private static RunEvent fromItem(String runId, Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        Map<String, String> data = new LinkedHashMap<>();
        AttributeValue stored = item.get("data");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((key, value) -> data.put(key, value.s()));
        }
        return new RunEvent(runId, a.number("seq"), a.string("eventType"), a.string("message"), data, Instant.parse(a.string("at")));
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
