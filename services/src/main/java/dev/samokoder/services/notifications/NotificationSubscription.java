package dev.samokoder.services.notifications;

import dev.samokoder.services.runs.RunNotifier.Moment;
import java.time.Instant;
import java.util.Set;

/**
 * A project's notification URL and the moments it wants to hear about.
 *
 * @param sealedSecret the signing secret, encrypted by the secret box (bound to the project)
 */
public record NotificationSubscription(String projectId, String userId, String url, Set<Moment> events,
                                       byte[] sealedSecret, Instant createdAt, Instant updatedAt, long version) {

    public NotificationSubscription {
        events = Set.copyOf(events);
    }

    /** The secret box's associated data for a project's notification secret. */
    public static String secretContext(String projectId) {
        return "notification-secret:" + projectId;
    }
}
