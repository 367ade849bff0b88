package dev.samokoder.api.webhooks;

import dev.samokoder.core.http.Json;
import dev.samokoder.core.queue.QueueUrl;
import dev.samokoder.core.queue.RetryBackoff;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * One SQS batch with partial failures ({@code ReportBatchItemFailures}): each record is read into
 * its message type and handed to the consumer on its own; a record that should be tried again is
 * reported back, after its visibility timeout was set to the backoff delay, so the queue holds the
 * wait and its redrive policy counts the tries. A record whose body cannot be read is reported
 * too: it is poison, and after the queue's last try it lands in the dead-letter queue, untouched.
 */
final class QueueBatch {

    private static final Logger log = LoggerFactory.getLogger(QueueBatch.class);

    /** Handles one message; true when done, false to try again later. */
    @FunctionalInterface
    interface Consumer<T> {
        boolean handle(T message, int receiveCount);
    }

    private QueueBatch() {
    }

    static <T> SQSBatchResponse process(SQSEvent event, Class<T> type, Consumer<T> consumer, SqsClient sqs, QueueUrl queue,
                                        RetryBackoff backoff) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage record : event.getRecords() == null ? List.<SQSEvent.SQSMessage>of() : event.getRecords()) {
            MDC.put("messageId", String.valueOf(record.getMessageId()));
            int receiveCount = receiveCount(record);
            boolean done;
            try {
                done = consumer.handle(read(record, type), receiveCount);
            } catch (RuntimeException e) {
                log.error("message {} failed (receive {})", record.getMessageId(), receiveCount, e);
                done = false;
            } finally {
                MDC.remove("messageId");
            }
            if (!done) {
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                delay(sqs, queue, record, backoff.after(receiveCount));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private static <T> T read(SQSEvent.SQSMessage record, Class<T> type) {
        try {
            return Json.mapper().readValue(record.getBody(), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("message " + record.getMessageId() + " is not a " + type.getSimpleName()
                    + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static int receiveCount(SQSEvent.SQSMessage record) {
        Map<String, String> attributes = record.getAttributes();
        try {
            return attributes == null ? 1 : Math.max(1, Integer.parseInt(attributes.getOrDefault("ApproximateReceiveCount", "1")));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** The next try after the backoff; if this fails, the queue's own visibility timeout applies, which is a later try all the same. */
    private static void delay(SqsClient sqs, QueueUrl queue, SQSEvent.SQSMessage record, Duration delay) {
        try {
            sqs.changeMessageVisibility(r -> r.queueUrl(queue.get()).receiptHandle(record.getReceiptHandle())
                    .visibilityTimeout((int) Math.min(delay.toSeconds(), 43_200)));
        } catch (RuntimeException e) {
            log.warn("could not delay message {} by {}: {}", record.getMessageId(), delay, e.toString());
        }
    }
}
