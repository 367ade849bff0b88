package dev.samokoder.core.storage;

import dev.samokoder.core.blob.BlobRef;
import dev.samokoder.core.domain.FileEntry;
import dev.samokoder.core.domain.WorkspacePath;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The file index of a project's workspace: one item per file, pointing at a blob. Items live in
 * the project's partition, sorted by path, so the tree lists in path order.
 */
public final class FileIndexRepository {

    static final String TYPE = "File";
    private static final int BATCH_WRITE_SIZE = 25;
    private static final int MAX_BATCH_WRITE_ROUNDS = 5;

    private final DynamoDbClient dynamoDb;
    private final SingleTable table;
    private final Clock clock;

    public FileIndexRepository(DynamoDbClient dynamoDb, SingleTable table, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.clock = clock;
    }

    /** @throws ItemAlreadyExistsException if the path already has an entry */
    public FileEntry create(String projectId, WorkspacePath path, BlobRef blob) {
        return create(projectId, path, blob, Optional.empty());
    }

    /** @throws ItemAlreadyExistsException if the path already has an entry */
    public FileEntry create(String projectId, WorkspacePath path, BlobRef blob, Optional<String> summary) {
        FileEntry entry = new FileEntry(projectId, path, blob, clock.instant(), 1, summary);
        table.create(Keys.file(projectId, path.value()), toItem(entry));
        return entry;
    }

    /**
     * Points an entry read at {@code current.version()} at new content.
     *
     * @throws VersionConflictException if the entry changed since it was read
     */
    public FileEntry update(FileEntry current, BlobRef newBlob) {
        return update(current, newBlob, current.summary());
    }

    /**
     * Points an entry read at {@code current.version()} at new content with a new summary (empty:
     * none, e.g. after a rollback to content the old summary did not describe).
     *
     * @throws VersionConflictException if the entry changed since it was read
     */
    public FileEntry update(FileEntry current, BlobRef newBlob, Optional<String> summary) {
        FileEntry updated = new FileEntry(current.projectId(), current.path(), newBlob, clock.instant(), current.version() + 1, summary);
        table.replace(Keys.file(current.projectId(), current.path().value()), toItem(updated), current.version());
        return updated;
    }

    public Optional<FileEntry> get(String projectId, WorkspacePath path) {
        return table.get(Keys.file(projectId, path.value())).map(FileIndexRepository::fromItem);
    }

    /** A page of the project's files in path order. */
    public Page<FileEntry> list(String projectId, int limit, Optional<String> cursor) {
        return table.queryPage(Keys.projectPartition(projectId), Keys.FILE_PREFIX, limit, cursor, true)
                .map(FileIndexRepository::fromItem);
    }

    /** @throws VersionConflictException if the entry changed since it was read */
    public void delete(FileEntry entry) {
        table.delete(Keys.file(entry.projectId(), entry.path().value()), entry.version());
    }

    /** Removes every entry of a project (after the project was deleted); returns how many. */
    public int deleteAll(String projectId) {
        List<Map<String, AttributeValue>> items = table.queryAll(Keys.projectPartition(projectId), Keys.FILE_PREFIX);
        for (int from = 0; from < items.size(); from += BATCH_WRITE_SIZE) {
            List<WriteRequest> deletes = items.subList(from, Math.min(items.size(), from + BATCH_WRITE_SIZE)).stream()
                    .map(item -> WriteRequest.builder().deleteRequest(d -> d.key(Map.of(
                            TableSchema.PK, item.get(TableSchema.PK), TableSchema.SK, item.get(TableSchema.SK)))).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table.tableName(), deletes);
            for (int round = 0; round < MAX_BATCH_WRITE_ROUNDS && !pending.isEmpty(); round++) {
                Backoff.THROTTLED_BATCH.beforeRound(round);
                var request = pending;
                var response = dynamoDb.batchWriteItem(r -> r.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
            if (!pending.isEmpty()) {
                throw new IllegalStateException("DynamoDB left file deletes unprocessed after " + MAX_BATCH_WRITE_ROUNDS + " rounds");
            }
        }
        return items.size();
    }

    private static Map<String, AttributeValue> toItem(FileEntry entry) {
        var item = Attributes.item(Keys.file(entry.projectId(), entry.path().value()), TYPE, entry.version())
                .string("projectId", entry.projectId())
                .string("path", entry.path().value())
                .string("sha256", entry.blob().sha256())
                .number("size", entry.blob().size())
                .instant("updatedAt", entry.updatedAt());
        entry.summary().ifPresent(summary -> item.string("summary", summary));
        return item.build();
    }

    private static FileEntry fromItem(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new FileEntry(a.string("projectId"), WorkspacePath.of(a.string("path")),
                new BlobRef(a.string("sha256"), a.number("size")), a.instant("updatedAt"), a.version(), a.optionalString("summary"));
    }
}
