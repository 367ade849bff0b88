package dev.samokoder.local.sfn.tasks;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.samokoder.local.sfn.engine.EngineConfig;
import dev.samokoder.local.sfn.engine.StepFunctionsEngine;
import dev.samokoder.local.sfn.store.ExecutionRecord;
import dev.samokoder.local.sfn.store.ExecutionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Resources without an in-process handler go to the Lambda Invoke API at the configured endpoint. */
class LambdaInvokeApiInvokerTest {

    private StubLambdaServer lambda;
    private StepFunctionsEngine engine;

    @BeforeEach
    void start() throws IOException {
        lambda = new StubLambdaServer()
                .function("Remote", payload -> JsonNodeFactory.instance.objectNode().put("echo", payload.path("v").asInt()))
                .function("Broken", payload -> JsonNodeFactory.instance.objectNode()
                        .put("errorType", "ValidationError").put("errorMessage", "v is required"))
                .function("TimedOut", payload -> JsonNodeFactory.instance.objectNode()
                        .put("errorMessage", "Task timed out after 3.00 seconds"));
        InProcessFunctions local = new InProcessFunctions()
                .register("Local", (payload, context) -> JsonNodeFactory.instance.textNode("in-process"));
        engine = StepFunctionsEngine.start(EngineConfig.builder()
                .integrations(TaskIntegrations.builder().functions(local).lambdaEndpoint(lambda.endpoint()).build()).build());
    }

    @AfterEach
    void stop() {
        engine.close();
        lambda.close();
    }

    private ExecutionRecord run(String definition, String input) throws Exception {
        String machine = engine.createStateMachine("m", definition, null, null).arn();
        return engine.awaitCompletion(engine.startExecution(machine, null, input).arn(), Duration.ofSeconds(10));
    }

    @Test
    void an_unmapped_function_is_invoked_through_the_lambda_api_and_a_mapped_one_in_process() throws Exception {
        // given
        String definition = """
                {"StartAt": "Remote", "States": {
                  "Remote": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                             "Parameters": {"FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:Remote", "Payload.$": "$"},
                             "ResultSelector": {"echo.$": "$.Payload.echo"}, "ResultPath": "$.remote", "Next": "Local"},
                  "Local": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Local", "ResultPath": "$.local", "End": true}}}""";

        // when
        ExecutionRecord done = run(definition, "{\"v\":41}");

        // then
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"v\":41,\"remote\":{\"echo\":41},\"local\":\"in-process\"}");
        assertThat(lambda.invocations("Remote")).isEqualTo(1);
        assertThat(lambda.invocations("Local")).isZero();
    }

    @Test
    void a_function_error_becomes_the_task_error_named_by_its_error_type() throws Exception {
        // given
        String definition = """
                {"StartAt": "Broken", "States": {
                  "Broken": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Broken", "End": true}}}""";

        // when
        ExecutionRecord done = run(definition, "{}");

        // then
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("ValidationError");
        assertThat(done.cause()).isEqualTo("{\"errorType\":\"ValidationError\",\"errorMessage\":\"v is required\"}");
    }

    @Test
    void a_function_the_endpoint_does_not_know_fails_with_resource_not_found() throws Exception {
        // given
        String definition = """
                {"StartAt": "Nowhere", "States": {
                  "Nowhere": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:Nowhere", "End": true}}}""";

        // when
        ExecutionRecord done = run(definition, "{}");

        // then
        assertThat(done.error()).isEqualTo("Lambda.ResourceNotFoundException");
    }

    @Test
    void a_function_error_without_an_error_type_is_lambda_unknown_as_on_aws() throws Exception {
        // given
        String definition = """
                {"StartAt": "TimedOut", "States": {
                  "TimedOut": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                               "Parameters": {"FunctionName": "TimedOut", "Payload": {}}, "End": true}}}""";

        // when
        ExecutionRecord done = run(definition, "{}");

        // then
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Lambda.Unknown");
        assertThat(done.cause()).isEqualTo("The cause could not be determined because Lambda did not return an error type. "
                + "Returned payload: {\"errorMessage\":\"Task timed out after 3.00 seconds\"}");
    }
}
