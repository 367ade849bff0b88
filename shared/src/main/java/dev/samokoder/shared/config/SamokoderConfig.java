package dev.samokoder.shared.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Typed configuration, read once from environment variables (see {@link Setting} for every
 * variable and its default). The defaults are those of local mode.
 *
 * @param aws where the AWS services are and what they are called
 * @param limits size limits the storage layer enforces
 * @param local settings only the local platform (infra-local) reads
 */
public record SamokoderConfig(Aws aws, Limits limits, Local local) {

    /** Credentials the local components accept (DynamoDB Local wants letters and digits only); they guard nothing, everything is on loopback. */
    public static final String LOCAL_ACCESS_KEY_ID = "samokoderlocal";
    public static final String LOCAL_SECRET_ACCESS_KEY = "samokoderlocalsecret";

    public record Aws(String region, String tableName, String bucketName, String webhookQueueName,
                      String webhookDeadLetterQueueName, Optional<URI> dynamoDbEndpoint,
                      Optional<URI> s3Endpoint, Optional<URI> sqsEndpoint) {

        /** True when any service is an emulator on an overridden endpoint rather than AWS itself. */
        public boolean local() {
            return dynamoDbEndpoint.isPresent() || s3Endpoint.isPresent() || sqsEndpoint.isPresent();
        }

        public Aws withEndpoints(URI dynamoDb, URI s3, URI sqs) {
            return new Aws(region, tableName, bucketName, webhookQueueName, webhookDeadLetterQueueName,
                    Optional.of(dynamoDb), Optional.of(s3), Optional.of(sqs));
        }
    }

    public record Limits(long maxBlobBytes) {
    }

    public record Local(Path dataDir, String host, int port, int dynamoDbPort, int s3Port, int sqsPort, Path staticDir) {
    }

    public static SamokoderConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    public static SamokoderConfig fromEnv(Map<String, String> env) {
        Settings settings = new Settings(env);
        Aws aws = new Aws(
                settings.string(Setting.AWS_REGION),
                settings.name(Setting.TABLE_NAME),
                settings.name(Setting.BUCKET_NAME),
                settings.name(Setting.WEBHOOK_QUEUE),
                settings.name(Setting.WEBHOOK_DLQ),
                settings.endpoint(Setting.DYNAMODB_ENDPOINT),
                settings.endpoint(Setting.S3_ENDPOINT),
                settings.endpoint(Setting.SQS_ENDPOINT));
        Limits limits = new Limits(settings.positiveLong(Setting.MAX_BLOB_BYTES));
        Local local = new Local(
                Path.of(settings.string(Setting.DATA_DIR)),
                settings.string(Setting.HOST),
                settings.port(Setting.PORT),
                settings.port(Setting.DYNAMODB_PORT),
                settings.port(Setting.S3_PORT),
                settings.port(Setting.SQS_PORT),
                Path.of(settings.string(Setting.STATIC_DIR)));
        return new SamokoderConfig(aws, limits, local);
    }

    public SamokoderConfig withAws(Aws newAws) {
        return new SamokoderConfig(newAws, limits, local);
    }
}
