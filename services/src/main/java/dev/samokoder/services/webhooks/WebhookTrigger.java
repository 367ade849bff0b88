package dev.samokoder.services.webhooks;

import java.time.Instant;

/**
 * A URL that starts a change-request run of a project when a correctly signed delivery arrives.
 *
 * @param sealedSecret the signing secret, encrypted by the secret box (bound to this hook's id)
 */
public record WebhookTrigger(String id, String projectId, String userId, WebhookSource source, byte[] sealedSecret,
                             Instant createdAt, long version) {

    public static final String ID_PREFIX = "hook";

    /** The secret box's associated data for this hook's secret. */
    public static String secretContext(String hookId) {
        return "webhook-secret:" + hookId;
    }
}
