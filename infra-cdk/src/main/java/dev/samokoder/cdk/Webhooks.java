package dev.samokoder.cdk;

import dev.samokoder.api.routes.FunctionSpec;
import dev.samokoder.api.routes.QueueFunctions;
import java.util.Map;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSourceProps;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The queue consumers: incoming webhooks (buffered by the API, handled here) and outgoing
 * notifications, as {@link QueueFunctions} describes them (the local pollers run the same). Each
 * queue has its dead-letter queue (DataStack); a consumer reports failed messages one by one, so
 * one bad delivery is retried alone and lands in the DLQ after {@code WEBHOOK_MAX_RECEIVES}
 * attempts. Every consumer's timeout is under the queues' visibility timeout
 * (DataStack.VISIBILITY_TIMEOUT; StackTemplateTest checks it).
 */
public final class Webhooks extends Construct {

    private final PlatformFunction consumer;
    private final PlatformFunction sender;

    public Webhooks(Construct scope, String id, StageConfig stage, Code apiCode, Map<String, String> environment,
            IQueue webhooks, IQueue notifications) {
        super(scope, id);
        consumer = consumer("Consumer", QueueFunctions.WEBHOOK_CONSUMER, stage, apiCode, environment, webhooks);
        sender = consumer("Sender", QueueFunctions.NOTIFICATION_SENDER, stage, apiCode, environment, notifications);
    }

    private PlatformFunction consumer(String id, FunctionSpec spec, StageConfig stage, Code apiCode,
            Map<String, String> environment, IQueue queue) {
        PlatformFunction function = new PlatformFunction(this, id, stage, PlatformFunction.Spec.of(spec, apiCode, environment, null));
        function.alias().addEventSource(new SqsEventSource(queue, SqsEventSourceProps.builder()
                .batchSize(QueueFunctions.BATCH_SIZE).reportBatchItemFailures(true).build()));
        return function;
    }

    public PlatformFunction consumer() {
        return consumer;
    }

    public PlatformFunction sender() {
        return sender;
    }
}
