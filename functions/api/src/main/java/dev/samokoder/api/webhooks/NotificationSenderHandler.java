package dev.samokoder.api.webhooks;

import dev.samokoder.core.storage.PlatformResources;
import dev.samokoder.services.notifications.NotificationMessage;
import dev.samokoder.services.notifications.NotificationSender;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * The Lambda on the notification queue (event source mapping with {@code ReportBatchItemFailures}):
 * POSTs each run notification, signed, to its project's URL; failures come back with backoff.
 * Locally, the platform's queue poller calls this same class.
 */
public final class NotificationSenderHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {

    private final HookServices services;
    private final NotificationSender sender;

    /** The Lambda runtime's constructor: everything from the environment, once per cold start. */
    public NotificationSenderHandler() {
        this(HookServices.fromEnv());
    }

    public NotificationSenderHandler(HookServices services) {
        this.services = services;
        this.sender = new NotificationSender(services.subscriptions(), services.cipher(), services.guard(),
                services.config().hooks().notificationTimeout(), PlatformResources.NOTIFICATION_MAX_RECEIVES, services.clock());
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return QueueBatch.process(event, NotificationMessage.class,
                (message, receiveCount) -> sender.send(message, receiveCount) == NotificationSender.Outcome.DONE,
                services.sqs(), services.notificationQueue(), services.backoff());
    }
}
