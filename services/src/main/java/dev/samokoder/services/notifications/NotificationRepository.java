package dev.samokoder.services.notifications;

import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.services.runs.RunNotifier.Moment;
import java.util.Base64;
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

    private static Map<String, AttributeValue> toItem(NotificationSubscription s) {
        return Attributes.item(Keys.notificationSubscription(s.projectId()), TYPE, s.version())
                .string("projectId", s.projectId())
                .string("userId", s.userId())
                .string("url", s.url())
                .stringList("events", s.events().stream().map(Moment::name).sorted().toList())
                .string("sealedSecret", Base64.getEncoder().encodeToString(s.sealedSecret()))
                .instant("createdAt", s.createdAt())
                .instant("updatedAt", s.updatedAt())
                .build();
    }

    private static NotificationSubscription fromItem(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        return new NotificationSubscription(a.string("projectId"), a.string("userId"), a.string("url"),
                a.stringList("events").stream().map(Moment::valueOf).collect(Collectors.toSet()),
                Base64.getDecoder().decode(a.string("sealedSecret")), a.instant("createdAt"), a.instant("updatedAt"),
                a.version());
    }
}
