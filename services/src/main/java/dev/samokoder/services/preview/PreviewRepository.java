package dev.samokoder.services.preview;

import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.ItemAlreadyExistsException;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.VersionConflictException;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A project's preview, one item beside the project ({@code PROJECT#<id>} / {@code PREVIEW}), written with its version. */
public final class PreviewRepository {

    static final String TYPE = "Preview";
    private static final int MAX_MESSAGE_CHARS = 8_000;

    private final SingleTable table;
    private final OptimisticRetry retry;

    public PreviewRepository(SingleTable table, RetryPolicy conflictRetry) {
        this.table = table;
        this.retry = new OptimisticRetry(conflictRetry);
    }

    public Optional<Preview> get(String projectId) {
        return table.get(Keys.preview(projectId)).map(PreviewRepository::preview);
    }

    /**
     * Makes {@code next} the project's preview, in place of {@code current} (empty: there was none).
     *
     * @throws PreviewUnavailableException when another request replaced it meanwhile
     */
    public Preview put(Optional<Preview> current, Preview next) {
        Key key = Keys.preview(next.projectId());
        long version = current.map(Preview::version).orElse(0L) + 1;
        Map<String, AttributeValue> item = item(next, version);
        try {
            if (current.isEmpty()) {
                table.create(key, item);
            } else {
                table.replace(key, item, current.get().version());
            }
        } catch (ItemAlreadyExistsException | VersionConflictException e) {
            throw new PreviewUnavailableException("another preview of this project was started at the same moment; reload it");
        }
        return preview(item);
    }

    /**
     * Changes the project's preview if it is still {@code previewId} and live (a stopped, failed or replaced one stays
     * as it is); a concurrent change is read again and {@code change} applied to it.
     *
     * @return the preview as changed, or empty when it was not (any more) that live preview
     */
    public Optional<Preview> update(String projectId, String previewId, UnaryOperator<Preview> change) {
        return retry.get(attempt -> {
            Optional<Preview> current = get(projectId).filter(p -> p.id().equals(previewId) && p.status().live());
            if (current.isEmpty()) {
                return Optional.<Preview>empty();
            }
            Preview next = change.apply(current.get());
            Map<String, AttributeValue> item = item(next, current.get().version() + 1);
            table.replace(Keys.preview(projectId), item, current.get().version());
            return Optional.of(preview(item));
        }, contention -> contention.rethrow(), VersionConflictException.class);
    }

    /**
     * Notes that the preview's origin passed a request on at {@code at}, if it is still the project's preview: an
     * attribute of its own, without a new version (a status change written at the same moment may drop it; the next
     * request notes it again).
     */
    public void touch(String projectId, String previewId, java.time.Instant at) {
        table.setIf(Keys.preview(projectId), "lastRequestAt", AttributeValue.fromS(at.toString()), "previewId",
                AttributeValue.fromS(previewId));
    }

    private static Map<String, AttributeValue> item(Preview preview, long version) {
        return Attributes.item(Keys.preview(preview.projectId()), TYPE, version)
                .string("previewId", preview.id())
                .string("projectId", preview.projectId())
                .string("userId", preview.userId())
                .string("status", preview.status().name())
                .string("snapshotKey", preview.snapshotKey())
                .string("startCommand", preview.startCommand())
                .instant("createdAt", preview.createdAt())
                .instant("expiresAt", preview.expiresAt())
                .optionalString("message", preview.message().map(PreviewRepository::clip))
                .optionalInstant("lastRequestAt", preview.lastRequestAt())
                .build();
    }

    private static Preview preview(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new Preview(a.string("previewId"), a.string("projectId"), a.string("userId"), Preview.Status.valueOf(a.string("status")),
                a.string("snapshotKey"), a.string("startCommand"), a.instant("createdAt"), a.instant("expiresAt"),
                a.optionalString("message"), a.optionalInstant("lastRequestAt"), a.version());
    }

    /** The end of a long message: an app's output says what went wrong last. */
    private static String clip(String message) {
        return message.length() <= MAX_MESSAGE_CHARS ? message : "…" + message.substring(message.length() - MAX_MESSAGE_CHARS);
    }
}
