package dev.samokoder.shared.config;

/**
 * Every environment variable Samokoder reads, with its default for local mode. This enum is the
 * one list; docs/configuration.md is checked against it by a test.
 */
public enum Setting {
    AWS_REGION("AWS_REGION", "us-east-1", "AWS region of every client."),
    TABLE_NAME("SAMOKODER_TABLE", "samokoder", "The DynamoDB table (single-table design)."),
    BUCKET_NAME("SAMOKODER_BUCKET", "samokoder-files", "The S3 bucket for blobs, snapshots and exports."),
    WEBHOOK_QUEUE("SAMOKODER_WEBHOOK_QUEUE", "samokoder-webhooks", "SQS queue that buffers webhook deliveries."),
    WEBHOOK_DLQ("SAMOKODER_WEBHOOK_DLQ", "samokoder-webhooks-dlq", "Dead-letter queue for webhook deliveries that keep failing."),
    DYNAMODB_ENDPOINT("SAMOKODER_DYNAMODB_ENDPOINT", "", "Endpoint override for DynamoDB (local mode); empty means AWS."),
    S3_ENDPOINT("SAMOKODER_S3_ENDPOINT", "", "Endpoint override for S3 (local mode); empty means AWS."),
    SQS_ENDPOINT("SAMOKODER_SQS_ENDPOINT", "", "Endpoint override for SQS (local mode); empty means AWS."),
    MAX_BLOB_BYTES("SAMOKODER_MAX_BLOB_BYTES", "26214400", "Largest single file the blob store accepts, in bytes (25 MiB)."),

    DATA_DIR("SAMOKODER_DATA_DIR", ".samokoder", "Local mode: where DynamoDB and S3 data live (relative to the working directory)."),
    HOST("SAMOKODER_HOST", "127.0.0.1", "Local mode: the loopback address the gateway and the components bind to."),
    PORT("SAMOKODER_PORT", "8080", "Local mode: the HTTP gateway's port."),
    DYNAMODB_PORT("SAMOKODER_DYNAMODB_PORT", "0", "Local mode: DynamoDB Local's port (0 = any free port)."),
    S3_PORT("SAMOKODER_S3_PORT", "0", "Local mode: S3Proxy's port (0 = any free port)."),
    SQS_PORT("SAMOKODER_SQS_PORT", "0", "Local mode: ElasticMQ's port (0 = any free port)."),
    STATIC_DIR("SAMOKODER_STATIC_DIR", "frontend/dist", "Local mode: the folder the gateway serves at / (the built web app).");

    private final String variable;
    private final String defaultValue;
    private final String description;

    Setting(String variable, String defaultValue, String description) {
        this.variable = variable;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String variable() {
        return variable;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }
}
