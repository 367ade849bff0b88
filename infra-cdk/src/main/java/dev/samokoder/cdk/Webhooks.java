package dev.samokoder.cdk;

import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The queue consumers: incoming webhooks (buffered by the API, handled here) and outgoing
 * notifications. Each queue has its dead-letter queue (DataStack); a consumer reports failed
 * messages one by one, so one bad delivery is retried alone and lands in the DLQ after
 * {@code WEBHOOK_MAX_RECEIVES} attempts.
 */
public final class Webhooks extends Construct {

    static final String CONSUMER_HANDLER = "dev.samokoder.api.webhooks.WebhookConsumerHandler";
    static final String SENDER_HANDLER = "dev.samokoder.api.webhooks.NotificationSenderHandler";
    /** Under the queues' visibility timeout (DataStack.VISIBILITY_TIMEOUT). */
    static final Duration TIMEOUT = Duration.minutes(1);
    static final int MEMORY_MB = 512;

    private final PlatformFunction consumer;
    private final PlatformFunction sender;

    public Webhooks(Construct scope, String id, StageConfig stage, Code apiCode, Map<String, String> environment,
            IQueue webhooks, IQueue notifications) {
        super(scope, id);
        consumer = new PlatformFunction(this, "Consumer", stage, new PlatformFunction.Spec("webhook-consumer", CONSUMER_HANDLER,
                TIMEOUT, MEMORY_MB, apiCode, environment, null));
        sender = new PlatformFunction(this, "Sender", stage, new PlatformFunction.Spec("notification-sender", SENDER_HANDLER,
                TIMEOUT, MEMORY_MB, apiCode, environment, null));
        consumer.alias().addEventSource(new SqsEventSource(webhooks, SqsEventSourceProps.builder()
                .batchSize(10).reportBatchItemFailures(true).build()));
        sender.alias().addEventSource(new SqsEventSource(notifications, SqsEventSourceProps.builder()
                .batchSize(10).reportBatchItemFailures(true).build()));
    }

    public PlatformFunction consumer() {
        return consumer;
    }

    public PlatformFunction sender() {
        return sender;
    }
}
