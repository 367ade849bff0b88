package dev.samokoder.local.sfn.store;

import java.time.Instant;

/** A created state machine as the API describes it. */
public record StateMachineRecord(String arn, String name, String definition, String roleArn, String type,
                                 Instant creationDate) {
}
