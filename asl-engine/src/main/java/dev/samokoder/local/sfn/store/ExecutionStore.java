package dev.samokoder.local.sfn.store;

import java.util.List;
import java.util.Optional;

/**
 * Persistence for the engine: state machines, executions, their history and the checkpoints that let a
 * running execution resume after a restart. Appends are durable when the method returns.
 */
public interface ExecutionStore extends AutoCloseable {

    void putStateMachine(StateMachineRecord stateMachine);

    Optional<StateMachineRecord> stateMachine(String arn);

    List<StateMachineRecord> stateMachines();

    void deleteStateMachine(String arn);

    /** Creates or replaces the execution record. */
    void putExecution(ExecutionRecord execution);

    Optional<ExecutionRecord> execution(String arn);

    /** All executions, oldest first. */
    List<ExecutionRecord> executions();

    void appendHistory(String executionArn, HistoryEvent event);

    List<HistoryEvent> history(String executionArn);

    void appendCheckpoint(String executionArn, Checkpoint checkpoint);

    List<Checkpoint> checkpoints(String executionArn);

    @Override
    default void close() {
    }
}
