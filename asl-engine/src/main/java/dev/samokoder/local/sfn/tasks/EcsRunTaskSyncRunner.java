package dev.samokoder.local.sfn.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs {@code arn:aws:states:::ecs:runTask.sync}: starts the task described by the RunTask parameters and
 * returns the DescribeTasks-shaped result once it stops. The sandbox supplies the real implementation.
 */
@FunctionalInterface
public interface EcsRunTaskSyncRunner {

    JsonNode runTask(JsonNode runTaskParameters) throws TaskFailedException;

    /** The default: fails the task with a message that says how to configure a runner. */
    static EcsRunTaskSyncRunner unconfigured() {
        return parameters -> {
            throw new TaskFailedException("States.TaskFailed",
                    "No ECS runner is configured for arn:aws:states:::ecs:runTask.sync; "
                            + "pass one with TaskIntegrations.Builder.ecsRunTaskSync(...)");
        };
    }
}
