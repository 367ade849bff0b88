package dev.samokoder.api.webhooks;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.crypto.AesGcmSecretBox;
import dev.samokoder.core.crypto.SecretBox;
import dev.samokoder.core.queue.QueueUrl;
import dev.samokoder.core.queue.RetryBackoff;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.services.notifications.DestinationGuard;
import dev.samokoder.services.notifications.NotificationRepository;
import dev.samokoder.services.notifications.SqsRunNotifier;
import dev.samokoder.services.webhooks.WebhookRepository;
import java.time.Clock;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What the webhook consumer, the notification sender and the notifier share: the stores, the
 * secret box, the two queues and the retry policy. Built once per cold start, or once by the
 * local platform.
 */
public record HookServices(SamokoderConfig config, WebhookRepository webhooks, NotificationRepository subscriptions,
                           SecretBox secretBox, SqsClient sqs, QueueUrl webhookQueue, QueueUrl notificationQueue,
                           DestinationGuard guard, RetryBackoff backoff, Clock clock) {

    /** On AWS: configuration, queue URLs and the secret box key from the function's environment. */
    public static HookServices fromEnv() {
        SamokoderConfig config = SamokoderConfig.fromEnv();
        return create(config, new AwsClients(config.aws()), secretBox(config), Clock.systemUTC());
    }

    /** The secret box of {@code SAMOKODER_SECRET_BOX_KEY}, required outside local mode. */
    public static SecretBox secretBox(SamokoderConfig config) {
        String key = config.hooks().secretBoxKey()
                .orElseThrow(() -> new ConfigException("SAMOKODER_SECRET_BOX_KEY is required outside local mode"));
        try {
            return AesGcmSecretBox.fromBase64(key);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("SAMOKODER_SECRET_BOX_KEY must be the base64 of 32 bytes");
        }
    }

    public static HookServices create(SamokoderConfig config, AwsClients clients, SecretBox secretBox, Clock clock) {
        SqsClient sqs = clients.sqs();
        var hooks = config.hooks();
        SingleTable table = new SingleTable(clients.dynamoDb(), config.aws().tableName());
        return new HookServices(config, new WebhookRepository(table), new NotificationRepository(table), secretBox, sqs,
                QueueUrl.of(sqs, hooks.webhookQueueUrl(), config.aws().webhookQueueName()),
                QueueUrl.of(sqs, hooks.notificationQueueUrl(), config.aws().notificationQueueName()),
                DestinationGuard.system(hooks.notificationAllowedHosts()),
                new RetryBackoff(hooks.retryBase()), clock);
    }

    /** The {@code RunNotifier} the workflow's steps are given: queues each moment for the sender. */
    public SqsRunNotifier runNotifier() {
        return new SqsRunNotifier(sqs, notificationQueue, clock);
    }
}
