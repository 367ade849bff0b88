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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An engine that is dropped without any shutdown work (its threads stay parked, nothing is flushed)
 * stands in for a killed process; {@link KillAndRestartTest} does the same with a real kill -9.
 */
class RestartTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dataDir;

    private StepFunctionsEngine engine(InProcessFunctions functions, EngineScheduler scheduler) {
        return engine(new FileExecutionStore(dataDir), functions, scheduler);
    }

    private StepFunctionsEngine engine(ExecutionStore store, InProcessFunctions functions, EngineScheduler scheduler) {
        return StepFunctionsEngine.start(EngineConfig.builder()
                .store(store)
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
        FileExecutionStore crashedStore = new FileExecutionStore(dataDir);
        StepFunctionsEngine crashed = engine(crashedStore, new InProcessFunctions(), new RealTimeScheduler());
        String machine = crashed.createStateMachine("m", definition, null, null).arn();
        String execution = crashed.startExecution(machine, "e", "{}").arn();
        Instant started = crashed.describeExecution(execution).startDate();
        await("the Wait's deadline is on disk").atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> crashedStore.checkpoints(execution).stream().anyMatch(Checkpoint.WaitStarted.class::isInstance));

        // when
        try (StepFunctionsEngine restarted = engine(new InProcessFunctions(), new VirtualTimeScheduler(started.plusSeconds(60)))) {
            ExecutionRecord done = restarted.awaitCompletion(execution, WAIT);

            // then
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            Instant resumedAt = Instant.parse(new ObjectMapper().readTree(done.output()).get("now").asText());
            assertThat(Duration.between(started, resumedAt).toSeconds()).isBetween(3600L, 3601L);
        }
    }

    @Test
    void a_task_token_answer_acknowledged_before_the_crash_is_not_lost() throws Exception {
        // given: the engine acknowledges SendTaskSuccess, then "dies" before the task records its success
        String definition = """
                {"StartAt": "Ask", "States": {
                  "Ask": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                          "Parameters": {"FunctionName": "Ask", "Payload": {"token.$": "$$.Task.Token"}},
                          "ResultPath": "$.answer", "End": true}}}""";
        BlockingQueue<String> tokens = new LinkedBlockingQueue<>();
        AtomicInteger asked = new AtomicInteger();
        InProcessFunctions functions = new InProcessFunctions().register("Ask", (p, c) -> {
            asked.incrementAndGet();
            tokens.add(p.path("token").asText());
            return JsonNodeFactory.instance.objectNode();
        });
        FreezingStore store = new FreezingStore(new FileExecutionStore(dataDir));
        StepFunctionsEngine crashed = StepFunctionsEngine.start(EngineConfig.builder().store(store)
                .scheduler(new RealTimeScheduler()).integrations(TaskIntegrations.builder().functions(functions).build()).build());
        String machine = crashed.createStateMachine("m", definition, null, null).arn();
        String execution = crashed.startExecution(machine, "e", "{}").arn();
        String token = tokens.poll(10, TimeUnit.SECONDS);
        assertThat(token).isNotNull();
        await("the task is submitted").atMost(WAIT).pollInterval(Duration.ofMillis(5))
                .until(() -> crashed.history(execution).stream().anyMatch(e -> e.type().equals("TaskSubmitted")));
        store.freezeAfterNextWrite();
        crashed.sendTaskSuccess(token, "{\"approved\":true}");

        // when
        try (StepFunctionsEngine restarted = engine(functions, new RealTimeScheduler())) {
            ExecutionRecord done = restarted.awaitCompletion(execution, WAIT);

            // then
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output()).isEqualTo("{\"answer\":{\"approved\":true}}");
            assertThat(asked).hasValue(1);
        }
    }

    /**
     * Lets the next write through and then blocks every later one for good, as if the process had been killed
     * right after it: what was written before is on disk, nothing after it is.
     */
    private static final class FreezingStore implements ExecutionStore {
        private final ExecutionStore delegate;
        private final CountDownLatch never = new CountDownLatch(1);
        private volatile int writesLeft = Integer.MAX_VALUE;

        FreezingStore(ExecutionStore delegate) {
            this.delegate = delegate;
        }

        void freezeAfterNextWrite() {
            writesLeft = 1;
        }

        private synchronized void write(Runnable write) {
            if (writesLeft <= 0) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            writesLeft--;
            write.run();
        }

        @Override
        public void putStateMachine(StateMachineRecord stateMachine) {
            write(() -> delegate.putStateMachine(stateMachine));
        }

        @Override
        public Optional<StateMachineRecord> stateMachine(String arn) {
            return delegate.stateMachine(arn);
        }

        @Override
        public List<StateMachineRecord> stateMachines() {
            return delegate.stateMachines();
        }

        @Override
        public void deleteStateMachine(String arn) {
            write(() -> delegate.deleteStateMachine(arn));
        }

        @Override
        public void putExecution(ExecutionRecord execution) {
            write(() -> delegate.putExecution(execution));
        }

        @Override
        public Optional<ExecutionRecord> execution(String arn) {
            return delegate.execution(arn);
        }

        @Override
        public List<ExecutionRecord> executions() {
            return delegate.executions();
        }

        @Override
        public void appendHistory(String executionArn, HistoryEvent event) {
            write(() -> delegate.appendHistory(executionArn, event));
        }

        @Override
        public List<HistoryEvent> history(String executionArn) {
            return delegate.history(executionArn);
        }

        @Override
        public void appendCheckpoint(String executionArn, Checkpoint checkpoint) {
            write(() -> delegate.appendCheckpoint(executionArn, checkpoint));
        }

        @Override
        public List<Checkpoint> checkpoints(String executionArn) {
            return delegate.checkpoints(executionArn);
        }
    }
}
