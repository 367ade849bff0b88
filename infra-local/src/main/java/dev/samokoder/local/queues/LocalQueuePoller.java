package dev.samokoder.local.queues;

import dev.samokoder.api.routes.FunctionSpec;
import dev.samokoder.api.routes.QueueFunctions;
import dev.samokoder.core.queue.QueueUrl;
import dev.samokoder.local.gateway.LocalLambdaContext;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * What a Lambda event source mapping does for an SQS queue, on one machine: long-polls the queue,
 * hands each batch to the function's handler as the {@link SQSEvent} Lambda would build, and
 * deletes the records the handler did not report as failed ({@code ReportBatchItemFailures}). A
 * failed record stays in the queue until its visibility timeout ends; the queue's redrive policy
 * moves it to the dead-letter queue after its last receive, exactly as on AWS. A handler that
 * throws fails the whole batch, as on AWS.
 */
public final class LocalQueuePoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalQueuePoller.class);
    /** Short enough that close() returns quickly, long enough not to spin on an empty queue. */
    private static final int WAIT_SECONDS = 1;

    private final FunctionSpec function;
    private final SqsClient sqs;
    private final QueueUrl queue;
    private final RequestHandler<SQSEvent, SQSBatchResponse> handler;
    private final String region;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean running = true;

    private LocalQueuePoller(FunctionSpec function, SqsClient sqs, QueueUrl queue,
                             RequestHandler<SQSEvent, SQSBatchResponse> handler, String region, Clock clock) {
        this.function = function;
        this.sqs = sqs;
        this.queue = queue;
        this.handler = handler;
        this.region = region;
        this.clock = clock;
        this.thread = Thread.ofPlatform().daemon().name("sqs-" + function.name()).unstarted(this::loop);
    }

    public static LocalQueuePoller start(FunctionSpec function, SqsClient sqs, QueueUrl queue,
                                         RequestHandler<SQSEvent, SQSBatchResponse> handler, String region, Clock clock) {
        LocalQueuePoller poller = new LocalQueuePoller(function, sqs, queue, handler, region, clock);
        poller.thread.start();
        log.info("polling {} for {}", queue.get(), function.name());
        return poller;
    }

    private void loop() {
        String queueUrl = queue.get();
        String queueArn = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                        .maxNumberOfMessages(QueueFunctions.BATCH_SIZE)
                        .waitTimeSeconds(WAIT_SECONDS)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages();
                if (!messages.isEmpty()) {
                    deliver(queueUrl, queueArn, messages);
                }
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("polling {} failed: {}", queueUrl, e.toString());
                    pause();
                }
            }
        }
    }

    private void deliver(String queueUrl, String queueArn, List<Message> messages) {
        SQSEvent event = new SQSEvent();
        event.setRecords(messages.stream().map(message -> record(message, queueArn)).toList());
        Set<String> failed;
        try {
            SQSBatchResponse response = handler.handleRequest(event,
                    new LocalLambdaContext(function, UUID.randomUUID().toString(), clock));
            failed = response == null || response.getBatchItemFailures() == null ? Set.of()
                    : response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
                    .collect(Collectors.toSet());
        } catch (RuntimeException e) {
            log.error("{} failed a batch of {}; every message of it will be tried again", function.name(), messages.size(), e);
            return;
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message message : messages) {
            if (!failed.contains(message.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(message.messageId()).receiptHandle(message.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) {
            sqs.deleteMessageBatch(r -> r.queueUrl(queueUrl).entries(done));
        }
    }

    /** The record as Lambda's SQS event source builds it. */
    private SQSEvent.SQSMessage record(Message message, String queueArn) {
        SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
        record.setMessageId(message.messageId());
        record.setReceiptHandle(message.receiptHandle());
        record.setBody(message.body());
        record.setMd5OfBody(message.md5OfBody());
        Map<String, String> attributes = new HashMap<>();
        message.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
        record.setAttributes(attributes);
        record.setMessageAttributes(Map.of());
        record.setEventSource("aws:sqs");
        record.setEventSourceArn(queueArn);
        record.setAwsRegion(region);
        return record;
    }

    private void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Stops after the batch in hand (at most one long poll of {@value #WAIT_SECONDS} s, plus the handler's work). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(function.timeout().plusSeconds(WAIT_SECONDS + 1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            log.warn("{} poller did not stop in time", function.name());
        }
    }
}
