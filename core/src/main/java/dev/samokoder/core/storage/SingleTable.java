package dev.samokoder.core.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * The single table, with optimistic locking on every write: a create succeeds only if the key is
 * free, a replace or delete only if the stored version is the one the caller read. A failed
 * condition becomes a named error ({@link VersionConflictException}, {@link ItemNotFoundException},
 * {@link ItemAlreadyExistsException}); nothing is ever overwritten blindly.
 */
public final class SingleTable {

    private static final String VERSION_MATCHES = "#version = :expected";
    private static final String ITEM_ABSENT = "attribute_not_exists(#pk)";
    static final int MAX_PAGE_SIZE = 100;
    /** BatchGetItem takes at most this many keys. */
    static final int MAX_BATCH_GET = 100;
    private static final int MAX_BATCH_GET_ROUNDS = 10;

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public SingleTable(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public String tableName() {
        return tableName;
    }

    /** A strongly consistent read of one item. */
    public Optional<Map<String, AttributeValue>> get(Key key) {
        var response = dynamoDb.getItem(r -> r.tableName(tableName).key(key.toAttributes()).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    /**
     * Strongly consistent reads of several items in one request (BatchGetItem): the items there
     * are, by key. Keys DynamoDB leaves unprocessed (throttling) are asked for again, a few times.
     */
    public Map<Key, Map<String, AttributeValue>> getAll(Collection<Key> keys) {
        if (keys.size() > MAX_BATCH_GET) {
            throw new IllegalArgumentException("at most " + MAX_BATCH_GET + " keys in one read, got " + keys.size());
        }
        Map<Key, Map<String, AttributeValue>> found = new HashMap<>();
        List<Map<String, AttributeValue>> pending = keys.stream().distinct().map(Key::toAttributes).toList();
        for (int round = 1; !pending.isEmpty(); round++) {
            if (round > MAX_BATCH_GET_ROUNDS) {
                throw new IllegalStateException(pending.size() + " item(s) stayed unread after " + MAX_BATCH_GET_ROUNDS + " batch reads");
            }
            List<Map<String, AttributeValue>> asked = pending;
            var response = dynamoDb.batchGetItem(r -> r.requestItems(Map.of(tableName,
                    KeysAndAttributes.builder().keys(asked).consistentRead(true).build())));
            for (var item : response.responses().getOrDefault(tableName, List.of())) {
                found.put(new Key(item.get(TableSchema.PK).s(), item.get(TableSchema.SK).s()), item);
            }
            KeysAndAttributes unprocessed = response.unprocessedKeys().get(tableName);
            pending = unprocessed == null ? List.of() : unprocessed.keys();
            if (!pending.isEmpty()) {
                Backoff.THROTTLED_BATCH.beforeRound(round); // throttled: back off
            }
        }
        return found;
    }

    /** Writes a new item; fails with {@link ItemAlreadyExistsException} if its key is taken. */
    public void create(Key key, Map<String, AttributeValue> item) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression(ITEM_ABSENT)
                    .expressionAttributeNames(Map.of("#pk", TableSchema.PK)));
        } catch (ConditionalCheckFailedException e) {
            throw new ItemAlreadyExistsException(key);
        }
    }

    /**
     * Replaces an item whose stored version must be {@code expectedVersion}; the new item carries
     * {@code expectedVersion + 1}, which the caller has set.
     */
    public void replace(Key key, Map<String, AttributeValue> item, long expectedVersion) {
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression(VERSION_MATCHES)
                    .expressionAttributeNames(Map.of("#version", TableSchema.VERSION))
                    .expressionAttributeValues(Map.of(":expected", number(expectedVersion)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw conditionFailed(key, expectedVersion, e.item());
        }
    }

    /**
     * {@link #replace} on a further condition on the stored item ({@code condition}, with its own
     * {@code #names} and {@code :values}, not {@code #version} or {@code :expected}).
     *
     * @return false when the stored item is at {@code expectedVersion} but fails {@code condition}; nothing was written
     * @throws VersionConflictException if the stored item is at another version, {@link ItemNotFoundException} if there is none
     */
    public boolean replaceIf(Key key, Map<String, AttributeValue> item, long expectedVersion, String condition,
                             Map<String, String> names, Map<String, AttributeValue> values) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#version", TableSchema.VERSION);
        Map<String, AttributeValue> allValues = new HashMap<>(values);
        allValues.put(":expected", number(expectedVersion));
        try {
            dynamoDb.putItem(r -> r.tableName(tableName).item(item)
                    .conditionExpression(VERSION_MATCHES + " AND (" + condition + ")")
                    .expressionAttributeNames(allNames)
                    .expressionAttributeValues(allValues)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return true;
        } catch (ConditionalCheckFailedException e) {
            AttributeValue stored = e.hasItem() ? e.item().get(TableSchema.VERSION) : null;
            if (stored != null && stored.n() != null && Long.parseLong(stored.n()) == expectedVersion) {
                return false;
            }
            throw conditionFailed(key, expectedVersion, e.item());
        }
    }

    /** Deletes an item whose stored version must be {@code expectedVersion}. */
    public void delete(Key key, long expectedVersion) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(tableName).key(key.toAttributes())
                    .conditionExpression(VERSION_MATCHES)
                    .expressionAttributeNames(Map.of("#version", TableSchema.VERSION))
                    .expressionAttributeValues(Map.of(":expected", number(expectedVersion)))
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
        } catch (ConditionalCheckFailedException e) {
            throw conditionFailed(key, expectedVersion, e.item());
        }
    }

    /**
     * Deletes an item that must exist and returns it as it was: of callers racing for it, exactly one
     * gets it (what makes a ticket work once). Empty when there is no such item (any more).
     */
    public Optional<Map<String, AttributeValue>> take(Key key) {
        try {
            return Optional.of(dynamoDb.deleteItem(r -> r.tableName(tableName).key(key.toAttributes())
                    .conditionExpression("attribute_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", TableSchema.PK))
                    .returnValues(ReturnValue.ALL_OLD)).attributes());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * Sets one attribute of an item whose {@code conditionAttribute} is {@code expected}, leaving its version as it
     * is: for a note that is no state change (when something was last used).
     *
     * @return false when there is no such item, or it does not match
     */
    public boolean setIf(Key key, String attribute, AttributeValue value, String conditionAttribute, AttributeValue expected) {
        try {
            dynamoDb.updateItem(r -> r.tableName(tableName).key(key.toAttributes())
                    .updateExpression("SET #attribute = :value")
                    .conditionExpression("#condition = :expected")
                    .expressionAttributeNames(Map.of("#attribute", attribute, "#condition", conditionAttribute))
                    .expressionAttributeValues(Map.of(":value", value, ":expected", expected)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A create inside a transaction. */
    public TransactWriteItem createOp(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression(ITEM_ABSENT)
                .expressionAttributeNames(Map.of("#pk", TableSchema.PK))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /** A versioned replace inside a transaction. */
    public TransactWriteItem replaceOp(Map<String, AttributeValue> item, long expectedVersion) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression(VERSION_MATCHES)
                .expressionAttributeNames(Map.of("#version", TableSchema.VERSION))
                .expressionAttributeValues(Map.of(":expected", number(expectedVersion)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /** A versioned delete inside a transaction. */
    public TransactWriteItem deleteOp(Key key, long expectedVersion) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(tableName).key(key.toAttributes())
                .conditionExpression(VERSION_MATCHES)
                .expressionAttributeNames(Map.of("#version", TableSchema.VERSION))
                .expressionAttributeValues(Map.of(":expected", number(expectedVersion)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /** A write of derived data inside a transaction (an index entry's copy), whatever is stored under its key. */
    public TransactWriteItem putOp(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item).build()).build();
    }

    /** A delete of an item that must exist, whatever its version (an index entry, say). */
    public TransactWriteItem deleteExistingOp(Key key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(tableName).key(key.toAttributes())
                .conditionExpression("attribute_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", TableSchema.PK))
                .build()).build();
    }

    /** A check, inside a transaction, that an item is still at a version, without writing it. */
    public TransactWriteItem versionCheckOp(Key key, long expectedVersion) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(tableName)
                .key(key.toAttributes())
                .conditionExpression(VERSION_MATCHES)
                .expressionAttributeNames(Map.of("#version", TableSchema.VERSION))
                .expressionAttributeValues(Map.of(":expected", number(expectedVersion)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
    }

    /**
     * Runs writes as one transaction: all happen or none. When a condition fails,
     * {@code onConditionFailed} turns the index of the failing write (and the stored item, if any)
     * into the error to throw.
     */
    public void transact(List<TransactWriteItem> writes, ConditionFailure onConditionFailed) {
        try {
            dynamoDb.transactWriteItems(r -> r.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            for (int i = 0; i < reasons.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    Map<String, AttributeValue> stored = reasons.get(i).hasItem() ? reasons.get(i).item() : Map.of();
                    throw onConditionFailed.error(i, stored.isEmpty() ? Optional.empty() : Optional.of(stored));
                }
            }
            throw e; // cancelled for another reason (a conflicting transaction, throttling): let the caller's retry policy see it
        }
    }

    /** How a failed condition in a transaction becomes a named error. */
    @FunctionalInterface
    public interface ConditionFailure {
        RuntimeException error(int writeIndex, Optional<Map<String, AttributeValue>> storedItem);
    }

    /** The standard mapping of a failed versioned write: a conflict if the item is there, else not-found. */
    public static StorageException conditionFailed(Key key, long expectedVersion, Map<String, AttributeValue> stored) {
        if (stored == null || stored.isEmpty()) {
            return new ItemNotFoundException(key);
        }
        AttributeValue version = stored.get(TableSchema.VERSION);
        OptionalLong current = version == null || version.n() == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(version.n()));
        return new VersionConflictException(key, expectedVersion, current);
    }

    /**
     * One page of the items of a partition whose sort key starts with {@code sortKeyPrefix}, in
     * sort-key order (or reversed). {@code limit} is clamped to 1..{@value #MAX_PAGE_SIZE}.
     */
    public Page<Map<String, AttributeValue>> queryPage(String partition, String sortKeyPrefix, int limit,
                                                       Optional<String> cursor, boolean ascending) {
        int pageSize = Math.clamp(limit, 1, MAX_PAGE_SIZE);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", AttributeValue.fromS(partition));
        values.put(":prefix", AttributeValue.fromS(sortKeyPrefix));
        var request = QueryRequest.builder().tableName(tableName)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                .expressionAttributeNames(Map.of("#pk", TableSchema.PK, "#sk", TableSchema.SK))
                .expressionAttributeValues(values)
                .consistentRead(true)
                .scanIndexForward(ascending)
                .limit(pageSize);
        cursor.ifPresent(c -> {
            Map<String, AttributeValue> start = Cursor.decode(c, partition);
            if (!start.get(TableSchema.SK).s().startsWith(sortKeyPrefix)) {
                throw new InvalidCursorException("it belongs to another listing");
            }
            request.exclusiveStartKey(start);
        });
        QueryResponse response = dynamoDb.query(request.build());
        Optional<String> next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Optional.of(Cursor.encode(response.lastEvaluatedKey()))
                : Optional.empty();
        return new Page<>(response.items(), next);
    }

    /** Every item of a partition whose sort key starts with a prefix, page by page (for bulk work). */
    public List<Map<String, AttributeValue>> queryAll(String partition, String sortKeyPrefix) {
        var all = new ArrayList<Map<String, AttributeValue>>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<Map<String, AttributeValue>> page = queryPage(partition, sortKeyPrefix, MAX_PAGE_SIZE, cursor, true);
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return all;
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
