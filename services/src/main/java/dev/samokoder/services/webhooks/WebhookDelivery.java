package dev.samokoder.services.webhooks;

import java.time.Instant;
import java.util.Optional;

/**
 * One accepted delivery to a trigger and what became of it; the API lists these, so a delivery
 * that ended in the dead-letter queue is visible to the trigger's owner.
 *
 * @param request  the change request taken from the payload
 * @param attempts how many times the consumer tried to start the run
 * @param error    why the last try failed, in words for the user (never internals)
 */
public record WebhookDelivery(String hookId, String deliveryId, String projectId, String userId, String request,
                              DeliveryStatus status, Optional<String> runId, int attempts, Optional<String> error,
                              Instant receivedAt, Instant updatedAt, long version) {

    public WebhookDelivery finish(DeliveryStatus newStatus, Optional<String> newRunId, int newAttempts,
                                  Optional<String> newError, Instant now) {
        return new WebhookDelivery(hookId, deliveryId, projectId, userId, request, newStatus, newRunId, newAttempts,
                newError, receivedAt, now, version);
    }
}
