package dev.samokoder.services.webhooks;

import dev.samokoder.services.projects.ProjectNotFoundException;
import dev.samokoder.services.runs.ActiveRunExistsException;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunKind;
import dev.samokoder.services.runs.RunStarter;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the run of one queued delivery and records what happened on the delivery, which is what
 * the API shows. At least once, as SQS delivers: a delivery already finished is left alone. A
 * failure that may pass is retried by the queue (the caller applies the backoff); on the last
 * receive before the redrive policy moves the message to the dead-letter queue the delivery is
 * marked {@link DeliveryStatus#DEAD_LETTERED}, so its owner sees it.
 */
public final class WebhookConsumer {

    private static final Logger log = LoggerFactory.getLogger(WebhookConsumer.class);

    /** Whether the queue may forget the message, or should deliver it again later. */
    public enum Outcome { DONE, RETRY }

    private final WebhookRepository webhooks;
    private final RunStarter runs;
    private final int maxReceives;
    private final Clock clock;

    public WebhookConsumer(WebhookRepository webhooks, RunStarter runs, int maxReceives, Clock clock) {
        this.webhooks = webhooks;
        this.runs = runs;
        this.maxReceives = maxReceives;
        this.clock = clock;
    }

    /** @param receiveCount how many times the queue has handed out this message, this time included */
    public Outcome handle(WebhookMessage message, int receiveCount) {
        Optional<WebhookDelivery> stored = webhooks.getDelivery(message.hookId(), message.receivedAt(), message.deliveryId());
        if (stored.isEmpty()) {
            log.warn("webhook {} delivery {} is not stored (expired?); dropped", message.hookId(), message.deliveryId());
            return Outcome.DONE;
        }
        WebhookDelivery delivery = stored.get();
        if (delivery.status().finished()) {
            return Outcome.DONE;
        }
        if (webhooks.get(delivery.hookId()).isEmpty()) {
            finish(delivery, DeliveryStatus.REJECTED, Optional.empty(), receiveCount, "the trigger was deleted");
            return Outcome.DONE;
        }
        try {
            Run run = runs.start(delivery.userId(), delivery.projectId(), RunKind.CHANGE_REQUEST, delivery.request(), Optional.empty());
            finish(delivery, DeliveryStatus.STARTED, Optional.of(run.id()), receiveCount, null);
            log.info("webhook {} delivery {} started run {}", delivery.hookId(), delivery.deliveryId(), run.id());
            return Outcome.DONE;
        } catch (ProjectNotFoundException e) {
            finish(delivery, DeliveryStatus.REJECTED, Optional.empty(), receiveCount, "the project no longer exists");
            return Outcome.DONE;
        } catch (ActiveRunExistsException e) {
            return retry(delivery, receiveCount, "the project has an active run (" + e.activeRunId() + ")");
        } catch (RuntimeException e) {
            log.error("webhook {} delivery {}: starting the run failed (try {} of {})", delivery.hookId(),
                    delivery.deliveryId(), receiveCount, maxReceives, e);
            return retry(delivery, receiveCount, "the run could not be started (an error on our side)");
        }
    }

    private Outcome retry(WebhookDelivery delivery, int receiveCount, String reason) {
        boolean last = receiveCount >= maxReceives;
        finish(delivery, last ? DeliveryStatus.DEAD_LETTERED : DeliveryStatus.RETRYING, Optional.empty(), receiveCount, reason);
        if (last) {
            log.warn("webhook {} delivery {} failed {} times; it goes to the dead-letter queue", delivery.hookId(),
                    delivery.deliveryId(), receiveCount);
        }
        return Outcome.RETRY;
    }

    private void finish(WebhookDelivery delivery, DeliveryStatus status, Optional<String> runId, int attempts, String error) {
        webhooks.save(delivery.finish(status, runId, attempts, Optional.ofNullable(error), clock.instant()));
    }
}
