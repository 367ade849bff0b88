package dev.samokoder.core.storage;

import dev.samokoder.core.config.SamokoderConfig;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates the table, bucket and queues the platform needs when they are missing, and checks the
 * ones that exist. Used by the local platform at every start (so it is idempotent and never
 * deletes anything); on AWS, CDK creates the same resources from the same description.
 */
public final class PlatformResources {

    private static final Logger log = LoggerFactory.getLogger(PlatformResources.class);
    /** Deliveries a consumer failed this many times move to the dead-letter queue. */
    public static final int WEBHOOK_MAX_RECEIVES = 5;
    /** Notifications a sender failed this many times (with backoff) move to their dead-letter queue. */
    public static final int NOTIFICATION_MAX_RECEIVES = 8;
    private static final Duration TABLE_ACTIVE_TIMEOUT = Duration.ofSeconds(30);

    private PlatformResources() {
    }

    public static void ensure(SamokoderConfig.Aws config, DynamoDbClient dynamoDb, S3Client s3, SqsClient sqs) {
        ensureTable(dynamoDb, config.tableName());
        ensureBucket(s3, config.bucketName());
        ensureQueues(sqs, config.webhookQueueName(), config.webhookDeadLetterQueueName(), WEBHOOK_MAX_RECEIVES);
        ensureQueues(sqs, config.notificationQueueName(), config.notificationDeadLetterQueueName(), NOTIFICATION_MAX_RECEIVES);
    }

    static void ensureTable(DynamoDbClient dynamoDb, String tableName) {
        try {
            dynamoDb.createTable(r -> r.tableName(tableName)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(
                            string(TableSchema.PK), string(TableSchema.SK),
                            string(TableSchema.GSI1_PK), string(TableSchema.GSI1_SK))
                    .keySchema(hash(TableSchema.PK), range(TableSchema.SK))
                    .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                            .indexName(TableSchema.GSI1)
                            .keySchema(hash(TableSchema.GSI1_PK), range(TableSchema.GSI1_SK))
                            .projection(p -> p.projectionType(ProjectionType.ALL))
                            .build()));
            log.info("created table {}", tableName);
        } catch (ResourceInUseException alreadyThere) {
            log.debug("table {} exists", tableName);
        }
        TableDescription table = waitUntilActive(dynamoDb, tableName);
        checkKeySchema(table);
        ensureTimeToLive(dynamoDb, tableName);
    }

    /** Lets DynamoDB delete expired tokens, counters and buckets by their {@code ttl} attribute. */
    private static void ensureTimeToLive(DynamoDbClient dynamoDb, String tableName) {
        var current = dynamoDb.describeTimeToLive(r -> r.tableName(tableName)).timeToLiveDescription();
        if (current != null && TableSchema.TTL.equals(current.attributeName())
                && "ENABLED".equals(current.timeToLiveStatusAsString())) {
            return;
        }
        dynamoDb.updateTimeToLive(r -> r.tableName(tableName)
                .timeToLiveSpecification(t -> t.attributeName(TableSchema.TTL).enabled(true)));
        log.info("enabled time to live on {}.{}", tableName, TableSchema.TTL);
    }

    private static TableDescription waitUntilActive(DynamoDbClient dynamoDb, String tableName) {
        long deadline = System.nanoTime() + TABLE_ACTIVE_TIMEOUT.toNanos();
        while (true) {
            try {
                TableDescription table = dynamoDb.describeTable(r -> r.tableName(tableName)).table();
                if ("ACTIVE".equals(table.tableStatusAsString())) {
                    return table;
                }
            } catch (ResourceNotFoundException notYet) {
                // created a moment ago; describe catches up
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + tableName + " did not become ACTIVE within " + TABLE_ACTIVE_TIMEOUT);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + tableName, e);
            }
        }
    }

    private static void checkKeySchema(TableDescription table) {
        Map<String, KeyType> keys = table.keySchema().stream()
                .collect(Collectors.toMap(KeySchemaElement::attributeName, KeySchemaElement::keyType));
        if (!keys.equals(Map.of(TableSchema.PK, KeyType.HASH, TableSchema.SK, KeyType.RANGE))) {
            throw new IllegalStateException("table " + table.tableName() + " exists with key schema " + keys
                    + ", expected pk (HASH) and sk (RANGE); it was left as it is");
        }
        Set<String> indexes = table.hasGlobalSecondaryIndexes()
                ? table.globalSecondaryIndexes().stream().map(i -> i.indexName()).collect(Collectors.toSet())
                : Set.of();
        if (!indexes.contains(TableSchema.GSI1)) {
            throw new IllegalStateException("table " + table.tableName() + " has no index " + TableSchema.GSI1
                    + "; it was created by an older version and was left as it is");
        }
    }

    static void ensureBucket(S3Client s3, String bucket) {
        try {
            s3.createBucket(r -> r.bucket(bucket));
            log.info("created bucket {}", bucket);
        } catch (BucketAlreadyOwnedByYouException alreadyThere) {
            log.debug("bucket {} exists", bucket);
        } catch (S3Exception e) {
            if (!"BucketAlreadyOwnedByYou".equals(e.awsErrorDetails().errorCode())) {
                throw e;
            }
        }
    }

    static void ensureQueues(SqsClient sqs, String queueName, String deadLetterQueueName, int maxReceives) {
        String dlqUrl = sqs.createQueue(r -> r.queueName(deadLetterQueueName)).queueUrl();
        String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        String redrive = "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + maxReceives + "\"}";
        // CreateQueue with the same attributes is idempotent; it returns the existing queue.
        sqs.createQueue(r -> r.queueName(queueName).attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, redrive)));
        log.debug("queues {} and {} ready", queueName, deadLetterQueueName);
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
