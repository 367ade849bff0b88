package dev.samokoder.local.sfn.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps everything in memory; for unit tests and benchmarks, where nothing must survive the process. */
public final class InMemoryExecutionStore implements ExecutionStore {

    private final Map<String, StateMachineRecord> stateMachines = Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, ExecutionRecord> executions = new ConcurrentHashMap<>();
    private final Map<String, List<HistoryEvent>> history = new ConcurrentHashMap<>();
    private final Map<String, List<Checkpoint>> checkpoints = new ConcurrentHashMap<>();

    @Override
    public void putStateMachine(StateMachineRecord stateMachine) {
        stateMachines.put(stateMachine.arn(), stateMachine);
    }

    @Override
    public Optional<StateMachineRecord> stateMachine(String arn) {
        return Optional.ofNullable(stateMachines.get(arn));
    }

    @Override
    public List<StateMachineRecord> stateMachines() {
        synchronized (stateMachines) {
            return List.copyOf(stateMachines.values());
        }
    }

    @Override
    public void deleteStateMachine(String arn) {
        stateMachines.remove(arn);
    }

    @Override
    public void putExecution(ExecutionRecord execution) {
        executions.put(execution.arn(), execution);
    }

    @Override
    public Optional<ExecutionRecord> execution(String arn) {
        return Optional.ofNullable(executions.get(arn));
    }

    @Override
    public List<ExecutionRecord> executions() {
        List<ExecutionRecord> all = new ArrayList<>(executions.values());
        all.sort(Comparator.comparing(ExecutionRecord::startDate));
        return all;
    }

    @Override
    public void appendHistory(String executionArn, HistoryEvent event) {
        listFor(history, executionArn).add(event);
    }

    @Override
    public List<HistoryEvent> history(String executionArn) {
        List<HistoryEvent> events = listFor(history, executionArn);
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    @Override
    public void appendCheckpoint(String executionArn, Checkpoint checkpoint) {
        listFor(checkpoints, executionArn).add(checkpoint);
    }

    @Override
    public List<Checkpoint> checkpoints(String executionArn) {
        List<Checkpoint> records = listFor(checkpoints, executionArn);
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    private static <T> List<T> listFor(Map<String, List<T>> lists, String key) {
        return lists.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()));
    }
}
