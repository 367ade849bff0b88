package dev.samokoder.local.sfn.store;

import java.time.Instant;

/**
 * One execution. {@code definition} is the state machine definition as it was when the execution started,
 * so a resumed execution runs the same graph even if the machine was changed or deleted.
 */
public record ExecutionRecord(String arn, String stateMachineArn, String name, String definition,
                              ExecutionStatus status, Instant startDate, Instant stopDate,
                              String input, String output, String error, String cause) {

    public ExecutionRecord finish(ExecutionStatus finalStatus, Instant at, String finalOutput, String finalError,
                                  String finalCause) {
        return new ExecutionRecord(arn, stateMachineArn, name, definition, finalStatus, startDate, at,
                input, finalOutput, finalError, finalCause);
    }
}
