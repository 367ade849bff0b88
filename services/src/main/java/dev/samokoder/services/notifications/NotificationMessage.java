package dev.samokoder.services.notifications;

import dev.samokoder.services.runs.RunNotifier.Moment;
import java.time.Instant;

/**
 * What the notification queue carries: one moment of one run. The subscription is looked up when
 * it is sent, so a URL changed or removed meanwhile is respected.
 *
 * @param id the notification's id: the same on every retry, so a receiver can drop repeats
 * @param failure why the run failed, for {@code RUN_FAILED}; else null
 */
public record NotificationMessage(String id, Moment moment, String projectId, String userId, String runId,
                                  String runStatus, String failure, Instant occurredAt) {
}
