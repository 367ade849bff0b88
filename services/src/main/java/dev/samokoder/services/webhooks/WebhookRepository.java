package dev.samokoder.services.webhooks;

import dev.samokoder.core.secrets.Sealed;
import dev.samokoder.core.secrets.SealedAttributes;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.ItemAlreadyExistsException;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.Page;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.TableSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Webhook triggers and their deliveries. A trigger is two items written together: the trigger
 * under its own id (the public route knows only that) and an entry in its project's partition
 * (to list a project's triggers). A delivery is the delivery item, sorted by arrival, plus
 * "seen" markers (its sender's delivery id, its signature) created in the same transaction, which
 * is what makes a repeated or replayed delivery a no-op. Deliveries expire after {@link #DELIVERY_RETENTION}.
 */
public final class WebhookRepository {

    static final String TYPE = "WebhookTrigger";
    static final String INDEX_TYPE = "ProjectWebhook";
    static final String DELIVERY_TYPE = "WebhookDelivery";
    static final String SEEN_TYPE = "WebhookDeliverySeen";
    /** How long deliveries (and the memory of their ids) are kept. */
    public static final Duration DELIVERY_RETENTION = Duration.ofDays(30);

    private final SingleTable table;

    public WebhookRepository(SingleTable table) {
        this.table = table;
    }

    public void create(WebhookTrigger trigger) {
        var index = Attributes.item(Keys.projectWebhook(trigger.projectId(), trigger.id()), INDEX_TYPE, 1)
                .string("hookId", trigger.id())
                .build();
        table.transact(List.of(table.createOp(toItem(trigger)), table.createOp(index)),
                (i, stored) -> new ItemAlreadyExistsException(i == 0 ? Keys.webhook(trigger.id())
                        : Keys.projectWebhook(trigger.projectId(), trigger.id())));
    }

    /**
     * Replaces the trigger's secret (read at {@code trigger.version()}) with the same secret sealed by the cipher.
     *
     * @throws dev.samokoder.core.storage.VersionConflictException if the trigger changed meanwhile
     * @throws dev.samokoder.core.storage.ItemNotFoundException if it was deleted meanwhile
     */
    public WebhookTrigger replaceSecret(WebhookTrigger trigger, Sealed sealed) {
        WebhookTrigger resealed = new WebhookTrigger(trigger.id(), trigger.projectId(), trigger.userId(), trigger.source(), sealed,
                trigger.createdAt(), trigger.version() + 1);
        table.replace(Keys.webhook(trigger.id()), toItem(resealed), trigger.version());
        return resealed;
    }

    public Optional<WebhookTrigger> get(String hookId) {
        return table.get(Keys.webhook(hookId)).map(WebhookRepository::fromItem);
    }

    /** Every trigger of a project (a project has a few at most), oldest first. */
    public List<WebhookTrigger> listByProject(String projectId) {
        return table.queryAll(Keys.projectPartition(projectId), Keys.PROJECT_WEBHOOK_PREFIX).stream()
                .map(item -> Attributes.of(item).string("hookId"))
                .map(this::get)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(WebhookTrigger::createdAt))
                .toList();
    }

    public void delete(WebhookTrigger trigger) {
        table.transact(List.of(table.deleteOp(Keys.webhook(trigger.id()), trigger.version()),
                        table.deleteExistingOp(Keys.projectWebhook(trigger.projectId(), trigger.id()))),
                (i, stored) -> SingleTable.conditionFailed(Keys.webhook(trigger.id()), trigger.version(), stored.orElse(Map.of())));
    }

    /**
     * Stores a new delivery unless one of its markers (its id, its signature) was seen before.
     *
     * @return false when a marker is already known (nothing was written)
     */
    public boolean recordNew(WebhookDelivery delivery, List<String> markers) {
        long expires = delivery.receivedAt().plus(DELIVERY_RETENTION).getEpochSecond();
        var writes = new ArrayList<TransactWriteItem>();
        for (String marker : markers) {
            writes.add(table.createOp(Attributes.item(Keys.webhookDeliverySeen(delivery.hookId(), marker), SEEN_TYPE, 1)
                    .string("deliveryId", delivery.deliveryId())
                    .number(TableSchema.TTL, expires)
                    .build()));
        }
        writes.add(table.createOp(toItem(delivery, expires)));
        try {
            table.transact(writes, (i, stored) -> new ItemAlreadyExistsException(deliveryKey(delivery)));
            return true;
        } catch (ItemAlreadyExistsException alreadySeen) {
            return false;
        }
    }

    /** Undoes {@link #recordNew} when the delivery could not be queued, so the sender's retry is not taken for a duplicate. */
    public void forget(WebhookDelivery delivery, List<String> markers) {
        var writes = new ArrayList<TransactWriteItem>();
        markers.forEach(marker -> writes.add(table.deleteExistingOp(Keys.webhookDeliverySeen(delivery.hookId(), marker))));
        writes.add(table.deleteOp(deliveryKey(delivery), delivery.version()));
        table.transact(writes, (i, stored) -> SingleTable.conditionFailed(deliveryKey(delivery), delivery.version(), stored.orElse(Map.of())));
    }

    public Optional<WebhookDelivery> getDelivery(String hookId, Instant receivedAt, String deliveryId) {
        return table.get(Keys.webhookDelivery(hookId, receivedAt, deliveryId)).map(WebhookRepository::deliveryFromItem);
    }

    /** Saves a delivery read at {@code delivery.version()}; a concurrent change is a {@code VersionConflictException}. */
    public WebhookDelivery save(WebhookDelivery delivery) {
        WebhookDelivery saved = new WebhookDelivery(delivery.hookId(), delivery.deliveryId(), delivery.projectId(),
                delivery.userId(), delivery.request(), delivery.status(), delivery.runId(), delivery.attempts(),
                delivery.error(), delivery.receivedAt(), delivery.updatedAt(), delivery.version() + 1);
        table.replace(deliveryKey(delivery), toItem(saved, delivery.receivedAt().plus(DELIVERY_RETENTION).getEpochSecond()),
                delivery.version());
        return saved;
    }

    /** A page of a trigger's deliveries, newest first. */
    public Page<WebhookDelivery> deliveries(String hookId, int limit, Optional<String> cursor) {
        Page<Map<String, AttributeValue>> page = table.queryPage(Keys.webhookPartition(hookId), Keys.WEBHOOK_DELIVERY_PREFIX,
                limit, cursor, false);
        return new Page<>(page.items().stream().map(WebhookRepository::deliveryFromItem).toList(), page.nextCursor());
    }

    private static Key deliveryKey(WebhookDelivery delivery) {
        return Keys.webhookDelivery(delivery.hookId(), delivery.receivedAt(), delivery.deliveryId());
    }

    /** A trigger's item; its secret is always written sealed by the cipher (see {@link SealedAttributes}). */
    private static Map<String, AttributeValue> toItem(WebhookTrigger trigger) {
        if (!(trigger.secret() instanceof Sealed sealed)) {
            throw new IllegalArgumentException("a secret of the retired secret box is never written; seal it with the cipher");
        }
        var item = Attributes.item(Keys.webhook(trigger.id()), TYPE, trigger.version())
                .string("id", trigger.id())
                .string("projectId", trigger.projectId())
                .string("userId", trigger.userId())
                .string("source", trigger.source().wireName())
                .instant("createdAt", trigger.createdAt());
        return SealedAttributes.put(item, sealed).build();
    }

    private static WebhookTrigger fromItem(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        String id = a.string("id");
        return new WebhookTrigger(id, a.string("projectId"), a.string("userId"),
                WebhookSource.parse(a.string("source")).orElseThrow(() -> new IllegalStateException("unknown webhook source")),
                SealedAttributes.read(a, WebhookTrigger.legacyAssociatedData(id)), a.instant("createdAt"), a.version());
    }

    private static Map<String, AttributeValue> toItem(WebhookDelivery delivery, long expires) {
        return Attributes.item(deliveryKey(delivery), DELIVERY_TYPE, delivery.version())
                .string("hookId", delivery.hookId())
                .string("deliveryId", delivery.deliveryId())
                .string("projectId", delivery.projectId())
                .string("userId", delivery.userId())
                .string("request", delivery.request())
                .string("status", delivery.status().name())
                .optionalString("runId", delivery.runId())
                .number("attempts", delivery.attempts())
                .optionalString("error", delivery.error())
                .instant("receivedAt", delivery.receivedAt())
                .instant("updatedAt", delivery.updatedAt())
                .optionalNumber(TableSchema.TTL, OptionalLong.of(expires))
                .build();
    }

    private static WebhookDelivery deliveryFromItem(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new WebhookDelivery(a.string("hookId"), a.string("deliveryId"), a.string("projectId"), a.string("userId"),
                a.string("request"), DeliveryStatus.valueOf(a.string("status")), a.optionalString("runId"),
                (int) a.number("attempts"), a.optionalString("error"), a.instant("receivedAt"), a.instant("updatedAt"),
                a.version());
    }
}
