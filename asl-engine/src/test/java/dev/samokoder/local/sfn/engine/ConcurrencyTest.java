package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.samokoder.local.sfn.store.ExecutionRecord;
import dev.samokoder.local.sfn.store.ExecutionStatus;
import dev.samokoder.local.sfn.tasks.InProcessFunctions;
import dev.samokoder.local.sfn.tasks.TaskIntegrations;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Wall-clock behaviour: many executions at once, Map's MaxConcurrency, Waits that hold no platform thread. */
class ConcurrencyTest {

    @Test
    void a_thousand_executions_waiting_one_second_finish_in_about_one_second() throws Exception {
        // given
        String definition = """
                {"StartAt": "Sleep", "States": {"Sleep": {"Type": "Wait", "Seconds": 1, "End": true}}}""";
        try (StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder().build())) {
            String machine = engine.createStateMachine("sleepers", definition, null, null).arn();
            long start = System.nanoTime();

            // when
            List<String> executions = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                executions.add(engine.startExecution(machine, "e" + i, "{}").arn());
            }
            List<ExecutionRecord> done = new ArrayList<>();
            for (String execution : executions) {
                done.add(engine.awaitCompletion(execution, Duration.ofSeconds(30)));
            }

            // then
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(done).allMatch(e -> e.status() == ExecutionStatus.SUCCEEDED);
            assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void executions_parked_in_a_wait_state_hold_no_platform_thread() throws Exception {
        // given
        int executions = 2_000;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        String definition = """
                {"StartAt": "Sleep", "States": {"Sleep": {"Type": "Wait", "Seconds": 3600, "End": true}}}""";
        CountingScheduler scheduler = new CountingScheduler();
        try (StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder().scheduler(scheduler).build())) {
            String machine = engine.createStateMachine("parked", definition, null, null).arn();
            int platformThreadsBefore = threads.getThreadCount();

            // when
            List<String> started = new ArrayList<>();
            for (int i = 0; i < executions; i++) {
                started.add(engine.startExecution(machine, "p" + i, "{}").arn());
            }
            await("all %d executions parked on their Wait timers".formatted(executions)).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20)).until(() -> scheduler.awaiting() == executions);
            int platformThreadsWhileWaiting = threads.getThreadCount();

            // then: ThreadMXBean counts platform threads only; a thread per waiting execution would add 2,000
            assertThat(platformThreadsWhileWaiting - platformThreadsBefore).as("platform threads added by %d waits", executions)
                    .isLessThan(20);
            assertThat(started).allMatch(arn -> engine.describeExecution(arn).status() == ExecutionStatus.RUNNING);
            started.forEach(arn -> engine.stopExecution(arn, "Done", null));
        }
    }

    @Test
    void map_never_runs_more_iterations_at_once_than_max_concurrency() throws Exception {
        // given
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        InProcessFunctions functions = new InProcessFunctions().register("Work", (payload, context) -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(20); // long enough for iterations to overlap
            inFlight.decrementAndGet();
            return payload;
        });
        String definition = """
                {"StartAt": "Map", "States": {"Map": {"Type": "Map", "MaxConcurrency": 5,
                  "ItemProcessor": {"StartAt": "Work", "States": {
                    "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:0:function:Work", "End": true}}},
                  "End": true}}}""";
        StringBuilder items = new StringBuilder("[0");
        for (int i = 1; i < 40; i++) {
            items.append(',').append(i);
        }
        items.append(']');
        try (StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder()
                .integrations(TaskIntegrations.builder().functions(functions).build()).build())) {
            String machine = engine.createStateMachine("map", definition, null, null).arn();

            // when
            ExecutionRecord done = engine.awaitCompletion(engine.startExecution(machine, null, items.toString()).arn(),
                    Duration.ofSeconds(30));

            // then
            assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            assertThat(done.output()).isEqualTo(items.toString());
            assertThat(mostInFlight.get()).isBetween(2, 5);
        }
    }

    @Test
    void an_execution_level_timeout_stops_the_execution() throws Exception {
        // given
        String definition = """
                {"TimeoutSeconds": 1, "StartAt": "Sleep", "States": {"Sleep": {"Type": "Wait", "Seconds": 60, "End": true}}}""";
        try (StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder().build())) {
            String machine = engine.createStateMachine("slow", definition, null, null).arn();

            // when
            ExecutionRecord done = engine.awaitCompletion(engine.startExecution(machine, null, "{}").arn(), Duration.ofSeconds(10));

            // then
            assertThat(done.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
            assertThat(engine.history(done.arn()).getLast().type()).isEqualTo("ExecutionTimedOut");
        }
    }

    @Test
    void stopping_an_execution_cancels_its_parallel_branches() throws Exception {
        // given
        AtomicInteger afterWait = new AtomicInteger();
        InProcessFunctions functions = new InProcessFunctions().register("After", (payload, context) -> {
            afterWait.incrementAndGet();
            return JsonNodeFactory.instance.nullNode();
        });
        String definition = """
                {"StartAt": "P", "States": {"P": {"Type": "Parallel", "End": true, "Branches": [
                  {"StartAt": "W", "States": {"W": {"Type": "Wait", "Seconds": 60, "Next": "T"},
                     "T": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:0:function:After", "End": true}}},
                  {"StartAt": "W2", "States": {"W2": {"Type": "Wait", "Seconds": 60, "Next": "T2"},
                     "T2": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:0:function:After", "End": true}}}]}}}""";
        CountingScheduler scheduler = new CountingScheduler();
        try (StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder().scheduler(scheduler)
                .integrations(TaskIntegrations.builder().functions(functions).build()).build())) {
            String machine = engine.createStateMachine("par", definition, null, null).arn();
            String execution = engine.startExecution(machine, null, "{}").arn();
            await("the execution waits for its branches, each branch for its timer").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(5)).until(() -> scheduler.awaiting() == 3);

            // when
            engine.stopExecution(execution, "Stopped", null);

            // then: a branch that was not cancelled would sit out its 60 s Wait, then run After
            await("every thread of the stopped execution ends").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(5)).until(() -> scheduler.alive() == 0);
            assertThat(engine.describeExecution(execution).status()).isEqualTo(ExecutionStatus.ABORTED);
            assertThat(afterWait).hasValue(0);
        }
    }
}
