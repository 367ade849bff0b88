package dev.samokoder.api.routes;

import java.time.Duration;
import java.util.List;

/**
 * The functions of the API's artifact that read the platform's queues, for the CDK stack (event
 * source mappings with {@code ReportBatchItemFailures}) and the local platform's pollers. Each
 * queue's visibility timeout must be at least its function's timeout.
 */
public final class QueueFunctions {

    /** Starts the run of each accepted webhook delivery. */
    public static final FunctionSpec WEBHOOK_CONSUMER = new FunctionSpec("samokoder-webhook-consumer",
            "dev.samokoder.api.webhooks.WebhookConsumerHandler", Duration.ofSeconds(60), 512);
    /** Sends run notifications; a batch of 10 at the default 10 s per POST fits in its timeout. */
    public static final FunctionSpec NOTIFICATION_SENDER = new FunctionSpec("samokoder-notification-sender",
            "dev.samokoder.api.webhooks.NotificationSenderHandler", Duration.ofSeconds(120), 512);
    /** Messages per invocation (the SQS event source's batch size). */
    public static final int BATCH_SIZE = 10;

    private QueueFunctions() {
    }

    public static List<FunctionSpec> all() {
        return List.of(WEBHOOK_CONSUMER, NOTIFICATION_SENDER);
    }
}
