package dev.samokoder.local.sfn.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.samokoder.local.sfn.engine.EngineConfig;
import dev.samokoder.local.sfn.engine.StepFunctionsEngine;
import dev.samokoder.local.sfn.engine.time.EngineScheduler;
import dev.samokoder.local.sfn.engine.time.RealTimeScheduler;
import dev.samokoder.local.sfn.engine.time.VirtualTimeScheduler;
import dev.samokoder.local.sfn.tasks.InProcessFunctions;
import dev.samokoder.local.sfn.tasks.TaskIntegrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An engine that is dropped without any shutdown work (its threads stay parked, nothing is flushed)
 * stands in for a killed process; {@link KillAndRestartTest} does the same with a real kill -9.
 */
class RestartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private StepFunctionsEngine engine(InProcessFunctions functions, EngineScheduler scheduler) {
        return StepFunctionsEngine.start(EngineConfig.builder()
                .store(new FileExecutionStore(dataDir))
                .scheduler(scheduler)
                .integrations(TaskIntegrations.builder().functions(functions).build())
                .build());
    }

    @Test
    void a_task_in_flight_at_the_crash_is_run_again_and_completed_states_are_not() throws Exception {
        // given
        AtomicInteger firstCalls = new AtomicInteger();
        AtomicInteger slowCalls = new AtomicInteger();
        CountDownLatch slowStarted = new CountDownLatch(1);
        String definition = """
                {"StartAt": "First", "States": {
                  "First": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:0:function:First", "ResultPath": "$.first", "Next": "Slow"},
                  "Slow": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:0:function:Slow", "ResultPath": "$.slow", "End": true}}}""";
        InProcessFunctions before = new InProcessFunctions()
                .register("First", (p, c) -> JsonNodeFactory.instance.numberNode(firstCalls.incrementAndGet()))
                .register("Slow", (p, c) -> {
                    slowCalls.incrementAndGet();
                    slowStarted.countDown();
                    new CountDownLatch(1).await();
                    return null;
                });
        StepFunctionsEngine crashed = engine(before, new RealTimeScheduler());
        String machine = crashed.createStateMachine("m", definition, null, null).arn();
        String execution = crashed.startExecution(machine, "e", "{}").arn();
        assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();

        // when
        InProcessFunctions after = new InProcessFunctions()
                .register("First", (p, c) -> JsonNodeFactory.instance.numberNode(firstCalls.incrementAndGet()))
                .register("Slow", (p, c) -> JsonNodeFactory.instance.numberNode(slowCalls.incrementAndGet()));
        try (StepFunctionsEngine restarted = engine(after, new RealTimeScheduler())) {
            ExecutionRecord done = restarted.awaitCompletion(execution, WAIT);

            // then
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output()).isEqualTo("{\"first\":1,\"slow\":2}");
            assertThat(firstCalls).hasValue(1);
            assertThat(slowCalls).hasValue(2);
            assertThat(restarted.history(execution)).filteredOn(e -> e.type().equals("ExecutionStarted")).hasSize(1);
        }
    }

    @Test
    void a_wait_resumes_with_its_original_deadline() throws Exception {
        // given
        String definition = """
                {"StartAt": "Sleep", "States": {
                  "Sleep": {"Type": "Wait", "Seconds": 3600, "Next": "After"},
                  "After": {"Type": "Pass", "Parameters": {"now.$": "$$.State.EnteredTime"}, "End": true}}}""";
        StepFunctionsEngine crashed = engine(new InProcessFunctions(), new RealTimeScheduler());
        String machine = crashed.createStateMachine("m", definition, null, null).arn();
        String execution = crashed.startExecution(machine, "e", "{}").arn();
        Instant started = crashed.describeExecution(execution).startDate();
        while (crashed.history(execution).stream().noneMatch(e -> e.type().equals("WaitStateEntered"))) {
            Thread.sleep(5);
        }
        Thread.sleep(50);

        // when
        try (StepFunctionsEngine restarted = engine(new InProcessFunctions(), new VirtualTimeScheduler(started.plusSeconds(60)))) {
            ExecutionRecord done = restarted.awaitCompletion(execution, WAIT);

            // then
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            Instant resumedAt = Instant.parse(new ObjectMapper().readTree(done.output()).get("now").asText());
            assertThat(Duration.between(started, resumedAt).toSeconds()).isBetween(3600L, 3601L);
        }
    }
}
