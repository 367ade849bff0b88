package dev.samokoder.local.queues;

import dev.samokoder.api.routes.QueueFunctions;
import dev.samokoder.api.webhooks.HookServices;
import dev.samokoder.api.webhooks.NotificationSenderHandler;
import dev.samokoder.api.webhooks.WebhookConsumerHandler;
import dev.samokoder.services.runs.RunStarter;
import java.time.Clock;

/**
 * The platform's queue consumers on one machine: the webhook consumer and the notification
 * sender, each the same handler class its Lambda runs, fed by a {@link LocalQueuePoller}.
 */
public final class LocalQueueConsumers implements AutoCloseable {

    private final LocalQueuePoller webhooks;
    private final LocalQueuePoller notifications;

    private LocalQueueConsumers(LocalQueuePoller webhooks, LocalQueuePoller notifications) {
        this.webhooks = webhooks;
        this.notifications = notifications;
    }

    public static LocalQueueConsumers start(HookServices services, RunStarter runs, Clock clock) {
        String region = services.config().aws().region();
        LocalQueuePoller webhooks = LocalQueuePoller.start(QueueFunctions.WEBHOOK_CONSUMER, services.sqs(),
                services.webhookQueue(), new WebhookConsumerHandler(services, runs), region, clock);
        try {
            LocalQueuePoller notifications = LocalQueuePoller.start(QueueFunctions.NOTIFICATION_SENDER, services.sqs(),
                    services.notificationQueue(), new NotificationSenderHandler(services), region, clock);
            return new LocalQueueConsumers(webhooks, notifications);
        } catch (RuntimeException e) {
            webhooks.close();
            throw e;
        }
    }

    @Override
    public void close() {
        webhooks.close();
        notifications.close();
    }
}
