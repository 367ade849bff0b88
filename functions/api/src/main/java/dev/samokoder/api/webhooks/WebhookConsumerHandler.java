package dev.samokoder.api.webhooks;

import dev.samokoder.api.runs.RunServices;
import dev.samokoder.core.storage.PlatformResources;
import dev.samokoder.services.runs.RunStarter;
import dev.samokoder.services.webhooks.WebhookConsumer;
import dev.samokoder.services.webhooks.WebhookMessage;
import dev.samokoder.services.wiring.Wiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * The Lambda on the webhook queue (event source mapping with {@code ReportBatchItemFailures}):
 * starts the run of each accepted delivery through the same {@link RunStarter} as the runs API.
 * Locally, the platform's queue poller calls this same class.
 */
public final class WebhookConsumerHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final HookServices services;
    private final WebhookConsumer consumer;

    /** The Lambda runtime's constructor: everything from the environment, once per cold start. */
    public WebhookConsumerHandler() {
        this(Wiring.fromEnv());
    }

    /** One configuration and one set of clients for the hooks and the runs it starts. */
    private WebhookConsumerHandler(Wiring wiring) {
        this(HookServices.create(wiring), RunServices.create(wiring, wiring.clients().sfn()));
    }

    public WebhookConsumerHandler(HookServices services, RunStarter runs) {
        this.services = services;
        this.consumer = new WebhookConsumer(services.webhooks(), runs, PlatformResources.WEBHOOK_MAX_RECEIVES, services.clock());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueBatch.process(event, WebhookMessage.class,
                (message, receiveCount) -> consumer.handle(message, receiveCount) == WebhookConsumer.Outcome.DONE,
                services.sqs(), services.webhookQueue(), services.backoff());
    }
}
