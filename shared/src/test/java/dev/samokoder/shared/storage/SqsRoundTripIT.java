package dev.samokoder.shared.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.samokoder.shared.testing.LocalAws;
import dev.samokoder.shared.testing.LocalAwsExtension;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

@ExtendWith(LocalAwsExtension.class)
class SqsRoundTripIT {

    @Test
    void webhookQueue_deliversAMessageOnceUntilDeleted(LocalAws aws) {
        // given
        var sqs = aws.clients().sqs();
        String queueUrl = sqs.getQueueUrl(r -> r.queueName(aws.config().aws().webhookQueueName())).queueUrl();
        String body = "{\"deliveryId\":\"" + UUID.randomUUID() + "\"}";

        // when
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        var received = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(2)
                .visibilityTimeout(30)).messages();

        // then
        assertThat(received).extracting(Message::body).contains(body);
        Message mine = received.stream().filter(m -> m.body().equals(body)).findFirst().orElseThrow();
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(mine.receiptHandle()));
        var afterDelete = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0)).messages();
        assertThat(afterDelete).extracting(Message::body).doesNotContain(body);
    }

    @Test
    void webhookQueue_redrivesToItsDeadLetterQueue(LocalAws aws) {
        var sqs = aws.clients().sqs();
        String queueUrl = sqs.getQueueUrl(r -> r.queueName(aws.config().aws().webhookQueueName())).queueUrl();

        String redrive = sqs.getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.REDRIVE_POLICY))
                .attributes().get(QueueAttributeName.REDRIVE_POLICY);

        assertThat(redrive).contains(aws.config().aws().webhookDeadLetterQueueName())
                .contains(String.valueOf(PlatformResources.WEBHOOK_MAX_RECEIVES));
    }

    @Test
    void ensure_isIdempotent(LocalAws aws) {
        var c = aws.clients();
        PlatformResources.ensure(aws.config().aws(), c.dynamoDb(), c.s3(), c.sqs());
        PlatformResources.ensure(aws.config().aws(), c.dynamoDb(), c.s3(), c.sqs());

        assertThat(c.dynamoDb().listTables().tableNames()).containsOnlyOnce(aws.config().aws().tableName());
    }
}
