package dev.samokoder.runner;

import dev.samokoder.sandbox.SandboxTask;
import dev.samokoder.sandbox.SandboxTaskContract;
import dev.samokoder.sandbox.SandboxTasks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.Tag;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskField;

/**
 * The sandbox tasks on the ECS cluster, for the reaper: ListTasks (desired status RUNNING, every
 * page), DescribeTasks with tags (100 at a time) to read the run, the execution and the time
 * limit, StopTask with the reaper's reason. The cluster runs sandbox tasks only.
 */
public final class EcsSandboxTasks implements SandboxTasks {

    private static final int DESCRIBE_BATCH = 100;
    private static final int MAX_REASON = 255;

    private final EcsClient ecs;
    private final String cluster;

    public EcsSandboxTasks(EcsClient ecs, String cluster) {
        this.ecs = ecs;
        this.cluster = cluster;
    }

    @Override
    public List<SandboxTask> running() {
        List<String> arns = ecs.listTasksPaginator(r -> r.cluster(cluster).desiredStatus(DesiredStatus.RUNNING))
                .taskArns().stream().toList();
        List<SandboxTask> tasks = new ArrayList<>();
        for (int from = 0; from < arns.size(); from += DESCRIBE_BATCH) {
            List<String> batch = arns.subList(from, Math.min(arns.size(), from + DESCRIBE_BATCH));
            ecs.describeTasks(r -> r.cluster(cluster).tasks(batch).include(TaskField.TAGS)).tasks()
                    .forEach(task -> tasks.add(toSandboxTask(task)));
        }
        return tasks;
    }

    @Override
    public void stop(SandboxTask task, String reason) {
        ecs.stopTask(r -> r.cluster(cluster).task(task.taskId()).reason(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason));
    }

    private static SandboxTask toSandboxTask(Task task) {
        Map<String, String> tags = new HashMap<>();
        for (Tag tag : task.tags()) {
            tags.put(tag.key(), tag.value());
        }
        Instant started = task.startedAt() != null ? task.startedAt() : task.createdAt();
        return new SandboxTask(task.taskArn(), tags.get(SandboxTaskContract.RUN_ID_TAG), tags.get(SandboxTaskContract.EXECUTION_TAG),
                started, timeLimit(tags.get(SandboxTaskContract.TIME_LIMIT_TAG)));
    }

    private static Duration timeLimit(String seconds) {
        try {
            return seconds == null ? null : Duration.ofSeconds(Long.parseLong(seconds));
        } catch (NumberFormatException e) {
            return null; // the reaper's maximum applies
        }
    }
}
