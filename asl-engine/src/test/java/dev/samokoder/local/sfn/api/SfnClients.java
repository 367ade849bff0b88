package dev.samokoder.local.sfn.api;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

import java.net.URI;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/** The real AWS SDK v2 client pointed at a local engine, and polling helpers for tests. */
public final class SfnClients {

    private SfnClients() {
    }

    public static SfnClient forEndpoint(URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Polls until the execution is no longer running; fails naming the execution when it still is after {@code timeout}. */
    public static DescribeExecutionResponse awaitFinished(SfnClient client, String executionArn, Duration timeout) {
        return await("execution " + executionArn + " finishes").atMost(timeout).pollInterval(Duration.ofMillis(20))
                .until(() -> client.describeExecution(r -> r.executionArn(executionArn)),
                        execution -> execution.status() != ExecutionStatus.RUNNING);
    }
}
