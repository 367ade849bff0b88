package dev.samokoder.services.webhooks;

import dev.samokoder.core.secrets.StoredSecret;
import java.time.Instant;
import java.util.Map;

/**
 * A URL that starts a change-request run of a project when a correctly signed delivery arrives.
 *
 * @param secret the signing secret, sealed by the platform's cipher under {@link #secretContext}; an item
 *               written before there was one cipher holds it as the retired secret box sealed it
 */
public record WebhookTrigger(String id, String projectId, String userId, WebhookSource source, StoredSecret secret,
                             Instant createdAt, long version) {

    public static final String ID_PREFIX = "hook";

    /** What the cipher binds this hook's secret to: what it is and whose, so it opens on this item only. */
    public Map<String, String> secretContext() {
        return secretContext(projectId, id);
    }

    public static Map<String, String> secretContext(String projectId, String hookId) {
        return Map.of("purpose", "webhook-secret", "projectId", projectId, "webhookId", hookId);
    }

    /** What the retired secret box bound a hook's secret to. */
    static String legacyAssociatedData(String hookId) {
        return "webhook-secret:" + hookId;
    }
}
