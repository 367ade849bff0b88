package dev.samokoder.local.sfn.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.samokoder.local.sfn.AslEngineMain;
import dev.samokoder.local.sfn.api.SfnClients;
import dev.samokoder.local.sfn.tasks.StubLambdaServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the engine as its own process, kills it with SIGKILL while a task token is waiting, and restarts it.
 * The first process gets the Lambda endpoint as --lambda-endpoint, the second as AWS_ENDPOINT_URL_LAMBDA:
 * the Finisher only runs in the second, so both ways of configuring the endpoint are exercised.
 */
class KillAndRestartTest {

    private static final Pattern ENDPOINT = Pattern.compile("listening on (http://\\S+)");
    private static final String DEFINITION = """
            {"StartAt": "Prepare", "States": {
              "Prepare": {"Type": "Pass", "Result": "prepared", "ResultPath": "$.step", "Next": "Approve"},
              "Approve": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                          "Parameters": {"FunctionName": "Approver", "Payload": {"token.$": "$$.Task.Token", "step.$": "$.step"}},
                          "ResultPath": "$.approval", "Next": "Finish"},
              "Finish": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Finisher",
                         "ResultPath": "$.finished", "End": true}}}""";

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killProcesses() {
        processes.forEach(Process::destroyForcibly);
    }

    /**
     * @param lambdaEndpointFromEnvironment pass the endpoint as AWS_ENDPOINT_URL_LAMBDA, as the AWS SDK reads it,
     *                                      instead of --lambda-endpoint
     */
    private URI startEngine(URI lambdaEndpoint, boolean lambdaEndpointFromEnvironment) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                AslEngineMain.class.getName(), "--port", "0", "--data-dir", dataDir.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("AWS_ENDPOINT_URL_LAMBDA");
        if (lambdaEndpointFromEnvironment) {
            builder.environment().put("AWS_ENDPOINT_URL_LAMBDA", lambdaEndpoint.toString());
        } else {
            command.addAll(List.of("--lambda-endpoint", lambdaEndpoint.toString()));
            builder.command(command);
        }
        Process process = builder.start();
        processes.add(process);
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher matcher = ENDPOINT.matcher(line);
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
        }
        throw new IllegalStateException("the engine exited without printing its endpoint");
    }

    @Test
    void an_execution_waiting_on_a_task_token_survives_kill_9_and_completes_after_send_task_success() throws Exception {
        // given
        BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
        try (StubLambdaServer lambda = new StubLambdaServer()
                .function("Approver", payload -> {
                    tokens.add(payload.path("token").asText());
                    return JsonNodeFactory.instance.objectNode().put("sent", true);
                })
                .function("Finisher", payload -> JsonNodeFactory.instance.textNode("done after " + payload.path("approval").path("by").asText()))) {
            URI first = startEngine(lambda.endpoint(), false);
            String execution;
            try (SfnClient sfn = SfnClients.forEndpoint(first)) {
                String machine = sfn.createStateMachine(r -> r.name("approval").definition(DEFINITION)
                        .roleArn("arn:aws:iam::000000000000:role/r")).stateMachineArn();
                execution = sfn.startExecution(r -> r.stateMachineArn(machine).name("survivor").input("{\"order\":1}")).executionArn();
                awaitEvent(sfn, execution, HistoryEventType.TASK_SUBMITTED);
            }
            String token = tokens.poll(10, TimeUnit.SECONDS);
            assertThat(token).isNotNull();

            // when
            Process killed = processes.getFirst();
            killed.destroyForcibly();
            assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
            URI second = startEngine(lambda.endpoint(), true);
            try (SfnClient sfn = SfnClients.forEndpoint(second)) {
                assertThat(sfn.describeExecution(r -> r.executionArn(execution)).statusAsString()).isEqualTo("RUNNING");
                sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"by\":\"alice\"}"));
                DescribeExecutionResponse done = SfnClients.awaitFinished(sfn, execution, Duration.ofSeconds(10));

                // then
                assertThat(done.statusAsString()).isEqualTo("SUCCEEDED");
                assertThat(done.output()).isEqualTo(
                        "{\"order\":1,\"step\":\"prepared\",\"approval\":{\"by\":\"alice\"},\"finished\":\"done after alice\"}");
                assertThat(lambda.invocations("Approver")).isEqualTo(1);
                assertThat(lambda.invocations("Finisher")).isEqualTo(1);
                List<HistoryEvent> history = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
                assertThat(history).filteredOn(e -> e.type() == HistoryEventType.PASS_STATE_ENTERED).hasSize(1);
                assertThat(history.getLast().type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
            }
        }
    }

    private static void awaitEvent(SfnClient sfn, String execution, HistoryEventType type) {
        await(type + " happens in " + execution).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> sfn.getExecutionHistory(r -> r.executionArn(execution)).events().stream().anyMatch(e -> e.type() == type));
    }
}
