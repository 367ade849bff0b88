package dev.samokoder.services.notifications;

import dev.samokoder.core.secrets.Sealed;
import dev.samokoder.core.secrets.SealedAttributes;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.services.runs.RunNotifier.Moment;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The one notification subscription of a project, in the project's partition. */
public final class NotificationRepository {

    static final String TYPE = "NotificationSubscription";

    private final SingleTable table;

    public NotificationRepository(SingleTable table) {
        this.table = table;
    }

    public Optional<NotificationSubscription> get(String projectId) {
        return table.get(Keys.notificationSubscription(projectId)).map(NotificationRepository::fromItem);
    }

    /** Creates the subscription, or replaces the one read at {@code previous}'s version. */
    public NotificationSubscription put(NotificationSubscription subscription, Optional<NotificationSubscription> previous) {
        if (previous.isEmpty()) {
            table.create(Keys.notificationSubscription(subscription.projectId()), toItem(subscription));
            return subscription;
        }
        table.replace(Keys.notificationSubscription(subscription.projectId()), toItem(subscription), previous.get().version());
        return subscription;
    }

    public void delete(NotificationSubscription subscription) {
        table.delete(Keys.notificationSubscription(subscription.projectId()), subscription.version());
    }

    /** The subscription's item; its secret is always written sealed by the cipher (see {@link SealedAttributes}). */
    private static Map<String, AttributeValue> toItem(NotificationSubscription s) {
        if (!(s.secret() instanceof Sealed sealed)) {
            throw new IllegalArgumentException("a secret of the retired secret box is never written; seal it with the cipher");
        }
        var item = Attributes.item(Keys.notificationSubscription(s.projectId()), TYPE, s.version())
                .string("projectId", s.projectId())
                .string("userId", s.userId())
                .string("url", s.url())
                .stringList("events", s.events().stream().map(Moment::name).sorted().toList())
                .instant("createdAt", s.createdAt())
                .instant("updatedAt", s.updatedAt());
        return SealedAttributes.put(item, sealed).build();
    }

    private static NotificationSubscription fromItem(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        String projectId = a.string("projectId");
        return new NotificationSubscription(projectId, a.string("userId"), a.string("url"),
                a.stringList("events").stream().map(Moment::valueOf).collect(Collectors.toSet()),
                SealedAttributes.read(a, NotificationSubscription.legacyAssociatedData(projectId)), a.instant("createdAt"),
                a.instant("updatedAt"), a.version());
    }
}
