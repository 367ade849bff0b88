package dev.samokoder.core.aws;

import dev.samokoder.core.config.SamokoderConfig;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Builds the AWS SDK v2 clients, once per cold start: explicit region, explicit credentials, the
 * URL-connection HTTP client, and the endpoint override of local mode. In local mode the clients
 * sign with the fixed local credentials; on AWS they use the default chain (the Lambda role).
 */
public final class AwsClients implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);

    private final SamokoderConfig.Aws config;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Lazy<DynamoDbClient> dynamoDb = new Lazy<>(this::buildDynamoDb);
    private final Lazy<S3Client> s3 = new Lazy<>(this::buildS3);
    private final Lazy<SqsClient> sqs = new Lazy<>(this::buildSqs);
    private final Lazy<S3Presigner> s3Presigner = new Lazy<>(this::buildS3Presigner);
    private final Lazy<SfnClient> sfn = new Lazy<>(this::buildSfn);
    private final ClientOverrideConfiguration overrides;

    public AwsClients(SamokoderConfig.Aws config) {
        this(config, List.of());
    }

    /** @param interceptors see every call of every client (scripts/bench workflow meters I/O with one) */
    public AwsClients(SamokoderConfig.Aws config, List<ExecutionInterceptor> interceptors) {
        this.config = config;
        this.overrides = ClientOverrideConfiguration.builder().executionInterceptors(interceptors).build();
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(CONNECT_TIMEOUT)
                .socketTimeout(SOCKET_TIMEOUT)
                .build();
        this.credentials = config.local()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SamokoderConfig.LOCAL_ACCESS_KEY_ID, SamokoderConfig.LOCAL_SECRET_ACCESS_KEY))
                : DefaultCredentialsProvider.builder().build();
    }

    public SamokoderConfig.Aws config() {
        return config;
    }

    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    public S3Client s3() {
        return s3.get();
    }

    public SqsClient sqs() {
        return sqs.get();
    }

    /** Step Functions on AWS (local mode talks to its own engine through the client the platform builds). */
    public SfnClient sfn() {
        return sfn.get();
    }

    /** The HTTP client every SDK client here uses (timeouts set), for a call no SDK client makes; closed with this. */
    public SdkHttpClient http() {
        return http;
    }

    /** The credentials every SDK client here signs with. */
    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    /** Presigns S3 URLs (export downloads); path-style against a local endpoint, like the client. */
    public S3Presigner s3Presigner() {
        return s3Presigner.get();
    }

    private DynamoDbClient buildDynamoDb() {
        var builder = DynamoDbClient.builder().httpClient(http).region(region()).credentialsProvider(credentials)
                .overrideConfiguration(overrides);
        config.dynamoDbEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private S3Client buildS3() {
        var builder = S3Client.builder().httpClient(http).region(region()).credentialsProvider(credentials)
                .overrideConfiguration(overrides);
        config.s3Endpoint().ifPresent(endpoint -> builder
                .endpointOverride(endpoint)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    private S3Presigner buildS3Presigner() {
        var builder = S3Presigner.builder().region(region()).credentialsProvider(credentials);
        config.s3Endpoint().ifPresent(endpoint -> builder
                .endpointOverride(endpoint)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    private SfnClient buildSfn() {
        return SfnClient.builder().httpClient(http).region(region()).credentialsProvider(credentials).build();
    }

    private SqsClient buildSqs() {
        var builder = SqsClient.builder().httpClient(http).region(region()).credentialsProvider(credentials);
        config.sqsEndpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    private Region region() {
        return Region.of(config.region());
    }

    @Override
    public void close() {
        for (var client : new AutoCloseable[] {dynamoDb.ifBuilt(), s3.ifBuilt(), sqs.ifBuilt(), sfn.ifBuilt(), s3Presigner.ifBuilt(), http}) {
            if (client != null) {
                try {
                    client.close();
                } catch (Exception ignored) {
                    // closing is best effort: the process is going away
                }
            }
        }
    }
}
