package dev.samokoder.core.queue;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A queue's URL: the one CDK put in the environment, or (local mode, where queues are made at
 * start) looked up by name on first use and kept.
 */
public final class QueueUrl implements Supplier<String> {

    private final Supplier<String> lookup;
    private volatile String url;

    private QueueUrl(Supplier<String> lookup) {
        this.lookup = lookup;
    }

    public static QueueUrl of(SqsClient sqs, Optional<String> configured, String name) {
        return configured.map(QueueUrl::of).orElseGet(() -> new QueueUrl(() -> sqs.getQueueUrl(r -> r.queueName(name)).queueUrl()));
    }

    public static QueueUrl of(String url) {
        QueueUrl fixed = new QueueUrl(() -> url);
        fixed.url = url;
        return fixed;
    }

    @Override
    public String get() {
        String current = url;
        if (current == null) {
            synchronized (this) {
                if (url == null) {
                    url = lookup.get();
                }
                current = url;
            }
        }
        return current;
    }
}
