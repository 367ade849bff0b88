package dev.samokoder.api.webhooks;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.queue.QueueUrl;
import dev.samokoder.core.queue.RetryBackoff;
import dev.samokoder.core.secrets.SecretCipher;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.services.notifications.DestinationGuard;
import dev.samokoder.services.notifications.NotificationRepository;
import dev.samokoder.services.notifications.SqsRunNotifier;
import dev.samokoder.services.webhooks.WebhookRepository;
import dev.samokoder.services.wiring.Wiring;
import java.time.Clock;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the webhook consumer, the notification sender and the notifier share: the stores, the
 * platform's cipher of stored secrets, the two queues and the retry policy. Built once per cold start, or once by the
 * local platform.
 */
public record HookServices(SamokoderConfig config, WebhookRepository webhooks, NotificationRepository subscriptions,
                           SecretCipher cipher, SqsClient sqs, QueueUrl webhookQueue, QueueUrl notificationQueue,
                           DestinationGuard guard, RetryBackoff backoff, Clock clock) {

    /** On AWS: configuration, queue URLs and the KMS key from the function's environment. */
    public static HookServices fromEnv() {
        return create(Wiring.fromEnv());
    }

    public static HookServices create(Wiring wiring) {
        SamokoderConfig config = wiring.config();
        SqsClient sqs = wiring.clients().sqs();
        var hooks = config.hooks();
        SingleTable table = wiring.table();
        return new HookServices(config, new WebhookRepository(table), new NotificationRepository(table), wiring.secretCipher(), sqs,
                QueueUrl.of(sqs, hooks.webhookQueueUrl(), config.aws().webhookQueueName()),
                QueueUrl.of(sqs, hooks.notificationQueueUrl(), config.aws().notificationQueueName()),
                DestinationGuard.system(hooks.notificationAllowedHosts()),
                new RetryBackoff(hooks.retryBase()), wiring.clock());
    }

    /** The {@code RunNotifier} the workflow's steps are given: queues each moment for the sender. */
    public SqsRunNotifier runNotifier() {
        return new SqsRunNotifier(sqs, notificationQueue, clock);
    }
}
