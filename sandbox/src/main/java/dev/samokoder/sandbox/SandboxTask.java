package dev.samokoder.sandbox;

import java.time.Duration;
import java.time.Instant;

/**
 * A sandbox task as the reaper sees it, whichever runner started it.
 *
 * @param taskId the ECS task ARN, or the local runner's task id
 * @param runId the generation run it works for
 * @param executionArn the Step Functions execution that started it, or null if unknown
 * @param startedAt when it started (ECS: started, else created)
 * @param timeLimit the run's time limit, or null if unknown (the reaper then uses its own maximum)
 */
public record SandboxTask(String taskId, String runId, String executionArn, Instant startedAt, Duration timeLimit) {
}
