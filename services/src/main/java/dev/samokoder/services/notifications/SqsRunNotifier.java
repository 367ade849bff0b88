package dev.samokoder.services.notifications;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.http.Json;
import dev.samokoder.core.queue.QueueUrl;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunNotifier;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The workflow's {@link RunNotifier}: one SQS message per moment, and back to the workflow. The
 * subscription check, the signing and the HTTP call happen in {@code NotificationSenderHandler},
 * with retries, so a slow or broken receiver never holds up or fails a run. A message that cannot
 * be queued is logged and dropped: a notification is worth less than the run.
 */
public final class SqsRunNotifier implements RunNotifier {

    private static final Logger log = LoggerFactory.getLogger(SqsRunNotifier.class);

    private final SqsClient sqs;
    private final QueueUrl queue;
    private final Clock clock;

    public SqsRunNotifier(SqsClient sqs, QueueUrl queue, Clock clock) {
        this.sqs = sqs;
        this.queue = queue;
        this.clock = clock;
    }

    /** For a workflow step: the notification queue of the configuration (its URL from CDK, or found by name locally). */
    public static SqsRunNotifier fromConfig(SamokoderConfig config, SqsClient sqs, Clock clock) {
        return new SqsRunNotifier(sqs, QueueUrl.of(sqs, config.hooks().notificationQueueUrl(), config.aws().notificationQueueName()),
                clock);
    }

    @Override
    public void notify(Run run, Moment moment) {
        try {
            NotificationMessage message = new NotificationMessage(UUID.randomUUID().toString(), moment, run.projectId(),
                    run.userId(), run.id(), run.status().name(), run.failure().orElse(null), clock.instant());
            sqs.sendMessage(r -> r.queueUrl(queue.get()).messageBody(json(message)));
        } catch (RuntimeException e) {
            log.warn("notification {} of run {} could not be queued; dropped", moment, run.id(), e);
        }
    }

    static String json(NotificationMessage message) {
        try {
            return Json.mapper().writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("queue messages are plain records and always serialize", e);
        }
    }
}
