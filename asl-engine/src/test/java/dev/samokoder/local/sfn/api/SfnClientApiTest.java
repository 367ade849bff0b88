package dev.samokoder.local.sfn.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.samokoder.local.sfn.engine.EngineConfig;
import dev.samokoder.local.sfn.engine.StepFunctionsEngine;
import dev.samokoder.local.sfn.store.InMemoryExecutionStore;
import dev.samokoder.local.sfn.tasks.InProcessFunctions;
import dev.samokoder.local.sfn.tasks.TaskIntegrations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.GetExecutionHistoryResponse;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.StateMachineDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Drives the engine through the real SfnClient of AWS SDK v2, as product code does in local mode. */
class SfnClientApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ROLE = "arn:aws:iam::000000000000:role/test";
    private static final String GREETER = """
            {"StartAt": "Greet", "States": {
              "Greet": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                        "Parameters": {"FunctionName": "Greeter", "Payload.$": "$"}, "OutputPath": "$.Payload", "End": true}}}""";
    private static final String APPROVAL = """
            {"StartAt": "Ask", "States": {
              "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken", "TimeoutSeconds": %d,
                      "Parameters": {"FunctionName": "Approver", "Payload": {"token.$": "$$.Task.Token"}},
                      "ResultPath": "$.approval", "Next": "Done"},
              "Done": {"Type": "Succeed"}}}""";

    private final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
    private StepFunctionsEngine engine;
    private SfnApiServer api;
    private SfnClient sfn;

    @BeforeEach
    void startEngine() throws IOException {
        InProcessFunctions functions = new InProcessFunctions()
                .register("Greeter", (payload, context) -> JsonNodeFactory.instance.objectNode()
                        .put("greeting", "Hello, " + payload.path("name").asText()))
                .register("Approver", (payload, context) -> {
                    tokens.add(payload.path("token").asText());
                    return JsonNodeFactory.instance.objectNode().put("sent", true);
                });
        engine = StepFunctionsEngine.start(EngineConfig.builder().store(new InMemoryExecutionStore())
                .integrations(TaskIntegrations.builder().functions(functions).build()).build());
        api = SfnApiServer.start(engine, 0);
        sfn = SfnClients.forEndpoint(api.endpoint());
    }

    @AfterEach
    void stopEngine() {
        sfn.close();
        api.close();
        engine.close();
    }

    private String createMachine(String name, String definition) {
        return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(ROLE)).stateMachineArn();
    }

    private String awaitToken() throws InterruptedException {
        String token = tokens.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(token).as("task token handed to the Approver").isNotNull();
        return token;
    }

    @Test
    void state_machines_can_be_created_described_listed_and_deleted() {
        // given
        String arn = createMachine("greeter", GREETER);

        // when
        var described = sfn.describeStateMachine(r -> r.stateMachineArn(arn));
        var listed = sfn.listStateMachines(r -> { });
        sfn.deleteStateMachine(r -> r.stateMachineArn(arn));

        // then
        assertThat(arn).isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:greeter");
        assertThat(described.name()).isEqualTo("greeter");
        assertThat(described.definition()).isEqualTo(GREETER);
        assertThat(described.roleArn()).isEqualTo(ROLE);
        assertThat(described.creationDate()).isNotNull();
        assertThat(listed.stateMachines()).extracting(m -> m.stateMachineArn()).containsExactly(arn);
        assertThatThrownBy(() -> sfn.describeStateMachine(r -> r.stateMachineArn(arn)))
                .isInstanceOf(StateMachineDoesNotExistException.class);
    }

    @Test
    void started_execution_succeeds_with_the_task_output() throws InterruptedException {
        // given
        String machine = createMachine("greeter", GREETER);

        // when
        var started = sfn.startExecution(r -> r.stateMachineArn(machine).name("run-1").input("{\"name\":\"Ada\"}"));
        DescribeExecutionResponse done = SfnClients.awaitFinished(sfn, started.executionArn(), WAIT);

        // then
        assertThat(started.executionArn()).isEqualTo("arn:aws:states:us-east-1:000000000000:execution:greeter:run-1");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"greeting\":\"Hello, Ada\"}");
        assertThat(done.input()).isEqualTo("{\"name\":\"Ada\"}");
        assertThat(done.startDate()).isNotNull();
        assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate());
    }

    @Test
    void history_lists_every_event_in_order_and_pages() throws InterruptedException {
        // given
        String machine = createMachine("greeter", GREETER);
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"name\":\"Ada\"}")).executionArn();
        SfnClients.awaitFinished(sfn, execution, WAIT);

        // when
        List<HistoryEvent> events = sfn.getExecutionHistory(r -> r.executionArn(execution)).events();
        GetExecutionHistoryResponse firstPage = sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(2));
        GetExecutionHistoryResponse reversed = sfn.getExecutionHistory(r -> r.executionArn(execution).reverseOrder(true));

        // then
        assertThat(events).extracting(HistoryEvent::type).containsExactly(
                HistoryEventType.EXECUTION_STARTED, HistoryEventType.TASK_STATE_ENTERED, HistoryEventType.TASK_SCHEDULED,
                HistoryEventType.TASK_STARTED, HistoryEventType.TASK_SUCCEEDED, HistoryEventType.TASK_STATE_EXITED,
                HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(events).extracting(HistoryEvent::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(events.get(1).stateEnteredEventDetails().name()).isEqualTo("Greet");
        assertThat(events.get(2).taskScheduledEventDetails().resourceType()).isEqualTo("lambda");
        assertThat(events.get(2).taskScheduledEventDetails().resource()).isEqualTo("invoke");
        assertThat(events.get(6).executionSucceededEventDetails().output()).isEqualTo("{\"greeting\":\"Hello, Ada\"}");
        assertThat(firstPage.events()).hasSize(2);
        assertThat(firstPage.nextToken()).isNotNull();
        var secondPage = sfn.getExecutionHistory(r -> r.executionArn(execution).maxResults(2).nextToken(firstPage.nextToken()));
        assertThat(secondPage.events()).extracting(HistoryEvent::id).containsExactly(3L, 4L);
        assertThat(reversed.events().getFirst().type()).isEqualTo(HistoryEventType.EXECUTION_SUCCEEDED);
    }

    @Test
    void send_task_success_completes_a_waiting_task() throws InterruptedException {
        // given
        String machine = createMachine("approval", APPROVAL.formatted(60));
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"order\":7}")).executionArn();
        String token = awaitToken();

        // when
        sfn.sendTaskHeartbeat(r -> r.taskToken(token));
        sfn.sendTaskSuccess(r -> r.taskToken(token).output("{\"approved\":true}"));
        DescribeExecutionResponse done = SfnClients.awaitFinished(sfn, execution, WAIT);

        // then
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).isEqualTo("{\"order\":7,\"approval\":{\"approved\":true}}");
        assertThat(sfn.getExecutionHistory(r -> r.executionArn(execution)).events()).extracting(HistoryEvent::type)
                .contains(HistoryEventType.TASK_SUBMITTED, HistoryEventType.TASK_SUCCEEDED);
    }

    @Test
    void send_task_failure_fails_the_execution_with_its_error_and_cause() throws InterruptedException {
        // given
        String machine = createMachine("approval", APPROVAL.formatted(60));
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        String token = awaitToken();

        // when
        sfn.sendTaskFailure(r -> r.taskToken(token).error("Rejected").cause("budget exceeded"));
        DescribeExecutionResponse done = SfnClients.awaitFinished(sfn, execution, WAIT);

        // then
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("Rejected");
        assertThat(done.cause()).isEqualTo("budget exceeded");
    }

    @Test
    void a_timed_out_task_fails_the_execution_and_rejects_its_token() throws InterruptedException {
        // given
        String machine = createMachine("approval", APPROVAL.formatted(1));
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine)).executionArn();
        String token = awaitToken();

        // when
        DescribeExecutionResponse done = SfnClients.awaitFinished(sfn, execution, WAIT);

        // then
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).isEqualTo("States.Timeout");
        assertThat(sfn.getExecutionHistory(r -> r.executionArn(execution)).events()).extracting(HistoryEvent::type)
                .contains(HistoryEventType.TASK_TIMED_OUT);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
    }

    @Test
    void a_token_the_engine_never_issued_is_invalid() {
        // when / then
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken("not-a-token").output("{}")))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void stop_execution_aborts_a_running_execution() throws InterruptedException {
        // given
        String machine = createMachine("approval", APPROVAL.formatted(60));
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).name("to-stop")).executionArn();
        String token = awaitToken();

        // when
        var stopped = sfn.stopExecution(r -> r.executionArn(execution).error("Cancelled").cause("by the user"));
        DescribeExecutionResponse done = sfn.describeExecution(r -> r.executionArn(execution));

        // then
        assertThat(stopped.stopDate()).isNotNull();
        assertThat(done.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(done.error()).isEqualTo("Cancelled");
        assertThat(sfn.listExecutions(r -> r.stateMachineArn(machine).statusFilter(ExecutionStatus.ABORTED)).executions())
                .extracting(e -> e.executionArn()).containsExactly(execution);
        assertThat(sfn.getExecutionHistory(r -> r.executionArn(execution).reverseOrder(true)).events().getFirst().type())
                .isEqualTo(HistoryEventType.EXECUTION_ABORTED);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken(token).output("{}")))
                .isInstanceOf(TaskTimedOutException.class);
    }

    @Test
    void errors_use_the_aws_error_codes() {
        // given
        String machine = createMachine("greeter", GREETER);
        sfn.startExecution(r -> r.stateMachineArn(machine).name("once").input("{\"name\":\"a\"}"));

        // when / then
        assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(
                "arn:aws:states:us-east-1:000000000000:execution:greeter:missing")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(
                "arn:aws:states:us-east-1:000000000000:stateMachine:missing")))
                .isInstanceOf(StateMachineDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.startExecution(r -> r.stateMachineArn(machine).name("once").input("{\"name\":\"b\"}")))
                .isInstanceOf(ExecutionAlreadyExistsException.class);
        assertThatThrownBy(() -> createMachine("broken", "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\"},\"B\":{\"Type\":\"Nope\"}}}"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("must have Next or \"End\": true")
                .hasMessageContaining("unknown state type 'Nope'");
    }

    @Test
    void list_executions_returns_newest_first() throws InterruptedException {
        // given
        String machine = createMachine("greeter", GREETER);
        String first = sfn.startExecution(r -> r.stateMachineArn(machine).name("first").input("{}")).executionArn();
        SfnClients.awaitFinished(sfn, first, WAIT);
        Thread.sleep(5); // the clock moves on: executions are listed by start date, newest first
        String second = sfn.startExecution(r -> r.stateMachineArn(machine).name("second").input("{}")).executionArn();
        SfnClients.awaitFinished(sfn, second, WAIT);

        // when
        var listed = sfn.listExecutions(r -> r.stateMachineArn(machine));

        // then
        assertThat(listed.executions()).extracting(e -> e.name()).containsExactly("second", "first");
        assertThat(listed.executions()).allMatch(e -> e.status() == ExecutionStatus.SUCCEEDED);
    }
}
