package dev.samokoder.services.webhooks;

import java.time.Instant;

/** What the webhook queue carries: where the accepted delivery is stored (its payload stays in DynamoDB). */
public record WebhookMessage(String hookId, String deliveryId, Instant receivedAt) {
}
