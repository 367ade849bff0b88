package dev.samokoder.tools.bench;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samokoder.local.sfn.engine.EngineConfig;
import dev.samokoder.local.sfn.engine.StepFunctionsEngine;
import dev.samokoder.local.sfn.store.ExecutionRecord;
import dev.samokoder.local.sfn.store.ExecutionStatus;
import dev.samokoder.local.sfn.store.ExecutionStore;
import dev.samokoder.local.sfn.store.FileExecutionStore;
import dev.samokoder.local.sfn.store.InMemoryExecutionStore;
import dev.samokoder.local.sfn.tasks.InProcessFunctions;
import dev.samokoder.local.sfn.tasks.TaskIntegrations;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;

/**
 * Measures the engine: state transitions per second for a 1,000-state Pass chain and for an inline Map
 * of 1,000 items with MaxConcurrency 10, heap bytes per execution paused on a task token, and heap bytes
 * and platform threads per execution parked in a Wait state.
 * Run with {@code scripts/bench asl}. Figures only; nothing here passes or fails.
 */
public final class AslBenchmark {

    private static final int CHAIN_LENGTH = 1_000;
    private static final int MAP_ITEMS = 1_000;
    private static final int WAITING_EXECUTIONS = 5_000;
    private static final Duration LIMIT = Duration.ofMinutes(5);

    private AslBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("ASL engine benchmark on %d cores, %s %s (%s), max heap %d MiB, %s %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("os.name"), System.getProperty("os.arch"));
        passChain("in-memory store", new InMemoryExecutionStore(), CHAIN_LENGTH, 5, 20);
        Path dataDir = Files.createTempDirectory("asl-bench");
        passChain("file store, fsync per record", new FileExecutionStore(dataDir, true), CHAIN_LENGTH, 1, 2);
        map("in-memory store", new InMemoryExecutionStore(), 5, 20);
        map("file store, fsync per record", new FileExecutionStore(Files.createTempDirectory("asl-bench"), true), 1, 2);
        memoryPerWaitingExecution();
        memoryPerExecutionInAWaitState();
    }

    private static void passChain(String storeName, ExecutionStore store, int length, int warmups, int runs) throws Exception {
        ObjectNode states = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < length; i++) {
            ObjectNode state = states.putObject("S" + i).put("Type", "Pass");
            if (i == length - 1) {
                state.put("End", true);
            } else {
                state.put("Next", "S" + (i + 1));
            }
            state.put("ResultPath", "$.last").put("Result", i);
        }
        String definition = JsonNodeFactory.instance.objectNode().put("StartAt", "S0").set("States", states).toString();
        try (StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder().store(store).build())) {
            String machine = engine.createStateMachine("chain", definition, null, null).arn();
            double perSecond = measure(engine, machine, "{\"payload\":\"x\"}", warmups, runs, length);
            System.out.printf("Pass chain of %d states (%s): %,.0f state transitions/s over %d sequential executions%n",
                    length, storeName, perSecond, runs);
        }
    }

    private static void map(String storeName, ExecutionStore store, int warmups, int runs) throws Exception {
        String definition = """
                {"StartAt": "Items", "States": {
                  "Items": {"Type": "Pass", "Parameters": {"items.$": "States.ArrayRange(1, %d, 1)"}, "Next": "Map"},
                  "Map": {"Type": "Map", "ItemsPath": "$.items", "MaxConcurrency": 10,
                          "ItemProcessor": {"StartAt": "Work", "States": {
                            "Work": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:000000000000:function:Double", "End": true}}},
                          "ResultSelector": {"count.$": "States.ArrayLength($)"}, "End": true}}}""".formatted(MAP_ITEMS);
        InProcessFunctions functions = new InProcessFunctions()
                .register("Double", (payload, context) -> JsonNodeFactory.instance.numberNode(payload.asInt() * 2));
        try (StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder().store(store)
                .integrations(TaskIntegrations.builder().functions(functions).build()).build())) {
            String machine = engine.createStateMachine("map", definition, null, null).arn();
            double perSecond = measure(engine, machine, "{}", warmups, runs, MAP_ITEMS + 2);
            System.out.printf("Map of %d items, MaxConcurrency 10, one in-process Task per item (%s): %,.0f state transitions/s over %d sequential executions%n",
                    MAP_ITEMS, storeName, perSecond, runs);
        }
    }

    private static double measure(StepFunctionsEngine engine, String machine, String input, int warmups, int runs,
                                  int transitionsPerExecution) throws Exception {
        for (int i = 0; i < warmups; i++) {
            runOnce(engine, machine, input);
        }
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            runOnce(engine, machine, input);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return runs * (double) transitionsPerExecution / seconds;
    }

    private static void runOnce(StepFunctionsEngine engine, String machine, String input) throws TimeoutException, InterruptedException {
        ExecutionRecord done = engine.awaitCompletion(engine.startExecution(machine, null, input).arn(), LIMIT);
        if (done.status() != ExecutionStatus.SUCCEEDED) {
            throw new IllegalStateException("benchmark execution ended " + done.status() + ": " + done.error() + " " + done.cause());
        }
    }

    private static void memoryPerWaitingExecution() throws Exception {
        Queue<String> tokens = new ConcurrentLinkedQueue<>();
        InProcessFunctions functions = new InProcessFunctions().register("Park", (payload, context) -> {
            tokens.add(payload.path("token").asText());
            return JsonNodeFactory.instance.objectNode();
        });
        String definition = """
                {"StartAt": "Park", "States": {
                  "Park": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                           "Parameters": {"FunctionName": "Park", "Payload": {"token.$": "$$.Task.Token", "input.$": "$"}}, "End": true}}}""";
        try (StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder().store(new InMemoryExecutionStore())
                .integrations(TaskIntegrations.builder().functions(functions).build()).build())) {
            String machine = engine.createStateMachine("park", definition, null, null).arn();
            List<String> warmup = startParked(engine, machine, tokens, 200);
            release(engine, tokens);
            engine.awaitCompletion(warmup.getLast(), LIMIT);
            long before = usedHeapAfterGc();
            List<String> executions = startParked(engine, machine, tokens, WAITING_EXECUTIONS);
            long after = usedHeapAfterGc();
            System.out.printf("Memory per execution waiting on a task token (in-memory store, history and checkpoints included): "
                    + "%,d bytes of heap, from %,d executions (used heap after GC, before and after starting them)%n",
                    (after - before) / WAITING_EXECUTIONS, WAITING_EXECUTIONS);
            release(engine, tokens);
            engine.awaitCompletion(executions.getLast(), LIMIT);
        }
    }

    private static void memoryPerExecutionInAWaitState() throws Exception {
        String definition = """
                {"StartAt": "Sleep", "States": {"Sleep": {"Type": "Wait", "Seconds": 3600, "End": true}}}""";
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder().store(new InMemoryExecutionStore()).build())) {
            String machine = engine.createStateMachine("sleep", definition, null, null).arn();
            long before = usedHeapAfterGc();
            int platformThreadsBefore = threads.getThreadCount();
            List<String> executions = new ArrayList<>();
            for (int i = 0; i < WAITING_EXECUTIONS; i++) {
                executions.add(engine.startExecution(machine, null, "{\"n\":" + i + "}").arn());
            }
            for (String arn : executions) {
                while (engine.history(arn).stream().noneMatch(e -> e.type().equals("WaitStateEntered"))) {
                    Thread.sleep(10);
                }
            }
            Thread.sleep(200);
            long after = usedHeapAfterGc();
            int platformThreadsAfter = threads.getThreadCount();
            System.out.printf("Memory per execution parked in a Wait state (in-memory store, history and checkpoints included): "
                    + "%,d bytes of heap, from %,d executions; platform threads %d before, %d while they wait "
                    + "(ThreadMXBean, which does not count virtual threads)%n",
                    (after - before) / WAITING_EXECUTIONS, WAITING_EXECUTIONS, platformThreadsBefore, platformThreadsAfter);
            executions.forEach(arn -> engine.stopExecution(arn, "BenchmarkDone", null));
        }
    }

    /** Starts executions and returns once every one of them has handed out its token. */
    private static List<String> startParked(StepFunctionsEngine engine, String machine, Queue<String> tokens, int count)
            throws InterruptedException {
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            arns.add(engine.startExecution(machine, null, "{\"n\":" + i + "}").arn());
        }
        while (tokens.size() < count) {
            Thread.sleep(10);
        }
        Thread.sleep(200);
        return arns;
    }

    private static void release(StepFunctionsEngine engine, Queue<String> tokens) {
        for (String token = tokens.poll(); token != null; token = tokens.poll()) {
            engine.sendTaskSuccess(token, "{}");
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
