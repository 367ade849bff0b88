package dev.samokoder.cdk;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.blob.BlobRef;
import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.PlatformResources;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.TableSchema;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Optional: the storage layer and the generation state machine against LocalStack, where a Docker
 * engine exists (skipped otherwise, as on the development machine). The state machine is the
 * repository's file with every placeholder filled the way the stack fills it; its functions do
 * not exist in LocalStack, so a run must enter Route, fail there, and end through RunFailed —
 * which shows LocalStack's interpreter took the definition and its Catch paths.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackIT {

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
            .withServices("dynamodb", "s3", "sqs", "stepfunctions", "sts", "iam");

    private static SamokoderConfig.Aws aws() {
        URI endpoint = LOCALSTACK.getEndpoint();
        return new SamokoderConfig.Aws(LOCALSTACK.getRegion(), "samokoder-it", "samokoder-it-files", "samokoder-it-webhooks",
                "samokoder-it-webhooks-dlq", "samokoder-it-notifications", "samokoder-it-notifications-dlq",
                java.util.Optional.of(endpoint), java.util.Optional.of(endpoint), java.util.Optional.of(endpoint), java.util.Optional.empty());
    }

    @Test
    void storageLayerWorksOnLocalStack() {
        try (AwsClients clients = new AwsClients(aws())) {
            PlatformResources.ensure(aws(), clients.dynamoDb(), clients.s3(), clients.sqs());
            SingleTable table = new SingleTable(clients.dynamoDb(), "samokoder-it");
            Key key = new Key("IT#1", "IT#1");
            Map<String, AttributeValue> item = new HashMap<>();
            item.put(TableSchema.PK, AttributeValue.fromS(key.pk()));
            item.put(TableSchema.SK, AttributeValue.fromS(key.sk()));
            item.put(TableSchema.VERSION, AttributeValue.fromN("1"));
            table.create(key, item);
            assertThat(table.get(key)).isPresent();
            assertThatThrownBy(() -> table.create(key, item)).isInstanceOf(dev.samokoder.core.storage.ItemAlreadyExistsException.class);

            BlobStore blobs = new BlobStore(clients.s3(), "samokoder-it-files", 1 << 20);
            BlobRef ref = blobs.put("hello".getBytes(StandardCharsets.UTF_8));
            assertThat(blobs.exists(ref.sha256())).isTrue();
            assertThat(blobs.exists(BlobStore.sha256(new byte[] {1}))).isFalse();
            assertThat(new String(blobs.get(ref.sha256()), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }

    @Test
    void generationStateMachineRunsIntoItsCatchPath() {
        WorkflowDefinition definition = WorkflowDefinition.read(SynthesizedStage.stateMachineFile());
        String account = "000000000000";
        String region = LOCALSTACK.getRegion();
        String text = definition.text();
        for (String placeholder : definition.placeholders()) {
            String value = placeholder.endsWith(WorkflowDefinition.FUNCTION_SUFFIX)
                    ? "arn:aws:lambda:" + region + ":" + account + ":function:samokoder-it-" + WorkflowDefinition.functionName(placeholder)
                    : "it-" + placeholder;
            text = text.replace("${" + placeholder + "}", value);
        }
        try (SfnClient sfn = SfnClient.builder().endpointOverride(LOCALSTACK.getEndpoint()).region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"))).build()) {
            String definitionText = text;
            String machine = sfn.createStateMachine(r -> r.name("samokoder-it-generation").definition(definitionText)
                    .roleArn("arn:aws:iam::" + account + ":role/samokoder-it-states")).stateMachineArn();
            String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"runId\":\"run_it\"}")).executionArn();
            ExecutionStatus status = await("the execution ends").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> sfn.describeExecution(r -> r.executionArn(execution)).status(), s -> s != ExecutionStatus.RUNNING);
            assertThat(status).isEqualTo(ExecutionStatus.FAILED);
            var entered = sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(1000)).events().stream()
                    .map(HistoryEvent::stateEnteredEventDetails).filter(java.util.Objects::nonNull).map(d -> d.name()).toList();
            assertThat(entered).startsWith("Route").contains("RunFailed");
        }
    }
}
