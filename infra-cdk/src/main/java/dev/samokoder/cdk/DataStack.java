package dev.samokoder.cdk;

import dev.samokoder.core.storage.PlatformResources;
import dev.samokoder.core.storage.TableSchema;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.dynamodb.TableProps;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.kms.KeyProps;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.BucketProps;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.sqs.QueueProps;
import software.constructs.Construct;

/**
 * What outlives deployments: the single table, the files bucket, the queues, the key that
 * encrypts users' own provider keys (BYOK) and the functions' secret configuration, and the name of
 * the JWT signing key's secret (scripts/deploy creates it once, so tearing the stacks down never
 * invalidates every session by accident; the API functions get it by CloudFormation dynamic
 * reference). In prod the table and bucket are retained
 * on delete and the table has deletion protection.
 */
public final class DataStack extends Stack {

    /** Webhook deliveries wait up to this long for the consumer before the queue drops them. */
    static final Duration QUEUE_RETENTION = Duration.days(4);
    /** The consumers' timeout is under this, so a message is never handled twice at once. */
    static final Duration VISIBILITY_TIMEOUT = Duration.minutes(6);

    private final Table table;
    private final Bucket bucket;
    private final Bucket accessLogs;
    private final Key secretsKey;
    private final Queue webhookQueue;
    private final Queue webhookDeadLetters;
    private final Queue notificationQueue;
    private final Queue notificationDeadLetters;

    public DataStack(Construct scope, String id, StackProps props, StageConfig stage) {
        super(scope, id, props);

        secretsKey = new Key(this, "SecretsKey", KeyProps.builder()
                .alias(stage.prefix() + "-secrets")
                .description("Samokoder " + stage.name() + ": users' own provider keys (BYOK) and the functions' secret configuration")
                .enableKeyRotation(true)
                .removalPolicy(stage.dataRemoval())
                .build());

        table = new Table(this, "Table", TableProps.builder()
                .tableName(stage.prefix())
                .partitionKey(Attribute.builder().name(TableSchema.PK).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(TableSchema.SK).type(AttributeType.STRING).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
                // sessions (refresh tokens), login counters, rate-limit buckets and events expire by this attribute
                .timeToLiveAttribute(TableSchema.TTL)
                .encryption(TableEncryption.AWS_MANAGED)
                .deletionProtection(stage.production())
                .removalPolicy(stage.dataRemoval())
                .build());
        table.addGlobalSecondaryIndex(GlobalSecondaryIndexProps.builder()
                .indexName(TableSchema.GSI1)
                .partitionKey(Attribute.builder().name(TableSchema.GSI1_PK).type(AttributeType.STRING).build())
                .sortKey(Attribute.builder().name(TableSchema.GSI1_SK).type(AttributeType.STRING).build())
                .projectionType(ProjectionType.ALL)
                .build());

        accessLogs = new Bucket(this, "AccessLogs", BucketProps.builder()
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(false)
                // S3 server access logs and CloudFront standard logs (which need ACLs)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-logs").expiration(Duration.days(90)).build()))
                .removalPolicy(stage.dataRemoval())
                .build());

        bucket = new Bucket(this, "Files", BucketProps.builder()
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("files/")
                .lifecycleRules(List.of(
                        // export zips are fetched through a presigned link valid for minutes
                        LifecycleRule.builder().id("expire-exports").prefix("exports/").expiration(Duration.days(1)).build(),
                        // archives uploaded to be imported: an import takes (and deletes) its own; the rest were never imported
                        LifecycleRule.builder().id("expire-import-uploads").prefix("imports/").expiration(Duration.days(1)).build(),
                        // sandbox requests and results (the run logs): read by the step right after the run
                        LifecycleRule.builder().id("expire-sandbox-runs").prefix("sandbox-runs/").expiration(Duration.days(30)).build(),
                        // install caches (one archive per project and lockfiles): the next install with them remakes one
                        LifecycleRule.builder().id("expire-package-cache").prefix("package-cache/").expiration(Duration.days(14)).build(),
                        LifecycleRule.builder().id("abort-uploads").abortIncompleteMultipartUploadAfter(Duration.days(1)).build()))
                .removalPolicy(stage.dataRemoval())
                .build());

        webhookDeadLetters = queue("WebhookDeadLetters", stage.prefix() + "-webhooks-dlq", null);
        webhookQueue = queue("WebhookQueue", stage.prefix() + "-webhooks", webhookDeadLetters);
        notificationDeadLetters = queue("NotificationDeadLetters", stage.prefix() + "-notifications-dlq", null);
        notificationQueue = queue("NotificationQueue", stage.prefix() + "-notifications", notificationDeadLetters);

    }

    /** The secret scripts/deploy creates once with a fresh private P-256 JWK. */
    public static String jwtSecretName(StageConfig stage) {
        return stage.prefix() + "/jwt-signing-key";
    }

    /** The secret scripts/deploy creates once with 48 random bytes (base64): API keys are hashed with it (HMAC). */
    public static String apiKeyPepperSecretName(StageConfig stage) {
        return stage.prefix() + "/api-key-pepper";
    }

    private Queue queue(String id, String name, Queue deadLetters) {
        QueueProps.Builder props = QueueProps.builder()
                .queueName(name)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .visibilityTimeout(VISIBILITY_TIMEOUT)
                .retentionPeriod(deadLetters == null ? Duration.days(14) : QUEUE_RETENTION);
        if (deadLetters != null) {
            props.deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(PlatformResources.WEBHOOK_MAX_RECEIVES).build());
        }
        return new Queue(this, id, props.build());
    }

    public Table table() { return table; }
    public Bucket bucket() { return bucket; }
    public Bucket accessLogs() { return accessLogs; }
    public Key secretsKey() { return secretsKey; }
    public Queue webhookQueue() { return webhookQueue; }
    public Queue webhookDeadLetters() { return webhookDeadLetters; }
    public Queue notificationQueue() { return notificationQueue; }
    public Queue notificationDeadLetters() { return notificationDeadLetters; }
}
