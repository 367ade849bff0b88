package dev.samokoder.services.notifications;

import dev.samokoder.core.secrets.StoredSecret;
import dev.samokoder.services.runs.RunNotifier.Moment;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A project's notification URL and the moments it wants to hear about.
 *
 * @param secret the signing secret, sealed by the platform's cipher under {@link #secretContext}; an item
 *               written before there was one cipher holds it as the retired secret box sealed it
 */
public record NotificationSubscription(String projectId, String userId, String url, Set<Moment> events,
                                       StoredSecret secret, Instant createdAt, Instant updatedAt, long version) {

    public NotificationSubscription {
        events = Set.copyOf(events);
    }

    /** What the cipher binds this project's notification secret to, so it opens on this item only. */
    public Map<String, String> secretContext() {
        return secretContext(projectId);
    }

    public static Map<String, String> secretContext(String projectId) {
        return Map.of("purpose", "notification-secret", "projectId", projectId);
    }

    /** What the retired secret box bound a project's notification secret to. */
    static String legacyAssociatedData(String projectId) {
        return "notification-secret:" + projectId;
    }
}
