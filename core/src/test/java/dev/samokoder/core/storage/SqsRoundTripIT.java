package dev.samokoder.core.storage;

import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import static org.assertj.core.api.Assertions.assertThat;

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
    void ensure_isIdempotentAndKeepsWhatIsStored(LocalAws aws) {
        // given: the resources in use, with an item, an object and a queued message in them
        var c = aws.clients();
        var config = aws.config().aws();
        String id = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = Map.of(TableSchema.PK, AttributeValue.fromS("TEST#" + id), TableSchema.SK,
                AttributeValue.fromS("TEST"));
        c.dynamoDb().putItem(r -> r.tableName(config.tableName()).item(item));
        c.s3().putObject(r -> r.bucket(config.bucketName()).key("test/" + id), RequestBody.fromString("kept"));
        String queueUrl = c.sqs().getQueueUrl(r -> r.queueName(config.notificationQueueName())).queueUrl();
        c.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(id));

        // when: started again, twice
        PlatformResources.ensure(config, c.dynamoDb(), c.s3(), c.sqs());
        PlatformResources.ensure(config, c.dynamoDb(), c.s3(), c.sqs());

        // then: one of each, and nothing that was stored is gone
        assertThat(c.dynamoDb().listTables().tableNames()).containsOnlyOnce(config.tableName());
        assertThat(c.dynamoDb().getItem(r -> r.tableName(config.tableName()).key(item).consistentRead(true)).item())
                .isEqualTo(item);
        assertThat(c.s3().getObjectAsBytes(r -> r.bucket(config.bucketName()).key("test/" + id)).asUtf8String())
                .isEqualTo("kept");
        var received = c.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1)).messages();
        assertThat(received).extracting(Message::body).contains(id);
        received.forEach(m -> c.sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle())));
        assertThat(c.sqs().listQueues(r -> r.queueNamePrefix(config.notificationQueueName())).queueUrls())
                .filteredOn(url -> url.endsWith("/" + config.notificationQueueName())).hasSize(1);
    }
}
