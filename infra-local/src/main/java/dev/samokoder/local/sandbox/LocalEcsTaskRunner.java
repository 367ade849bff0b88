package dev.samokoder.local.sandbox;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.local.sfn.tasks.EcsRunTaskSyncRunner;
import dev.samokoder.local.sfn.tasks.TaskFailedException;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunRequests;
import dev.samokoder.sandbox.RunResult;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.sandbox.SandboxTaskContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code arn:aws:states:::ecs:runTask.sync} in the local engine: reads the RunTask parameters the
 * way the Fargate task reads its container overrides (the request's S3 key, or the request
 * itself, in the runner container's environment; the execution in the tags), runs the request in
 * the local sandbox, and answers with the stopped task as DescribeTasks shows it. As on AWS, a
 * task whose runner could not record a result fails the state with States.TaskFailed and the
 * task as the cause; a command that fails is a recorded result, not a task failure.
 */
final class LocalEcsTaskRunner implements EcsRunTaskSyncRunner {

    private static final Logger log = LoggerFactory.getLogger(LocalEcsTaskRunner.class);
    private static final String ACCOUNT = "000000000000";

    private final LocalSandbox sandbox;
    private final RunStore runs;
    private final String region;
    private final String defaultCluster;
    private final Clock clock;

    LocalEcsTaskRunner(LocalSandbox sandbox, RunStore runs, String region, String defaultCluster, Clock clock) {
        this.sandbox = sandbox;
        this.runs = runs;
        this.region = region;
        this.defaultCluster = defaultCluster;
        this.clock = clock;
    }

    @Override
    public JsonNode runTask(JsonNode parameters) throws TaskFailedException {
        Instant created = clock.instant();
        String cluster = clusterName(parameters.path("Cluster").asText(defaultCluster));
        String taskId = Ids.newId("task");
        Map<String, String> tags = tags(parameters);
        ObjectNode task = describe(parameters, cluster, taskId, tags, created);
        RunRequest request;
        try {
            request = RunRequests.fromTaskEnvironment(containerEnvironment(parameters), runs);
        } catch (IllegalArgumentException e) {
            throw failed(task, 2, "the run request could not be read: " + e.getMessage());
        }
        try {
            RunResult result = sandbox.run(request, taskId, tags.get(SandboxTaskContract.EXECUTION_TAG));
            log.info("sandbox run {} of run {}: exit {}, limits {}, {} changes", request.id(), request.runId(),
                    result.exitCode(), result.limitsHit(), result.changes().size());
            return stopped(task, 0, "Essential container in task exited");
        } catch (SandboxUnavailableException e) {
            throw failed(task, 1, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw failed(task, 2, "the run request was refused: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("sandbox run {} failed", request.id(), e);
            throw failed(task, 1, "the runner failed: " + e.getMessage());
        }
    }

    /** The environment overrides of the runner container (or of the only container named). */
    private static Map<String, String> containerEnvironment(JsonNode parameters) {
        Map<String, String> environment = new HashMap<>();
        for (JsonNode container : parameters.path("Overrides").path("ContainerOverrides")) {
            String name = container.path("Name").asText(SandboxTaskContract.CONTAINER);
            if (name.equals(SandboxTaskContract.CONTAINER) || parameters.path("Overrides").path("ContainerOverrides").size() == 1) {
                for (JsonNode variable : container.path("Environment")) {
                    environment.put(variable.path("Name").asText(), variable.path("Value").asText());
                }
            }
        }
        return environment;
    }

    private static Map<String, String> tags(JsonNode parameters) {
        Map<String, String> tags = new HashMap<>();
        for (JsonNode tag : parameters.path("Tags")) {
            tags.put(tag.path("Key").asText(), tag.path("Value").asText());
        }
        return tags;
    }

    private static String clusterName(String cluster) {
        return cluster.contains("/") ? cluster.substring(cluster.lastIndexOf('/') + 1) : cluster;
    }

    /** The task as DescribeTasks shows it, as far as a local run has the fields. */
    private ObjectNode describe(JsonNode parameters, String cluster, String taskId, Map<String, String> tags, Instant created) {
        ObjectNode task = JsonNodeFactory.instance.objectNode();
        String arnPrefix = "arn:aws:ecs:" + region + ":" + ACCOUNT + ":";
        task.put("TaskArn", arnPrefix + "task/" + cluster + "/" + taskId);
        task.put("ClusterArn", arnPrefix + "cluster/" + cluster);
        String definition = parameters.path("TaskDefinition").asText("samokoder-sandbox");
        task.put("TaskDefinitionArn", definition.startsWith("arn:") ? definition : arnPrefix + "task-definition/" + definition);
        task.put("LaunchType", parameters.path("LaunchType").asText("FARGATE"));
        task.put("CreatedAt", created.toEpochMilli());
        task.put("StartedAt", created.toEpochMilli());
        if (parameters.has("Overrides")) {
            task.set("Overrides", parameters.get("Overrides"));
        }
        var tagArray = task.putArray("Tags");
        tags.forEach((key, value) -> tagArray.addObject().put("Key", key).put("Value", value));
        return task;
    }

    private ObjectNode stopped(ObjectNode task, int exitCode, String reason) {
        long now = clock.instant().toEpochMilli();
        task.put("LastStatus", "STOPPED");
        task.put("DesiredStatus", "STOPPED");
        task.put("StopCode", "EssentialContainerExited");
        task.put("StoppedReason", reason);
        task.put("StoppingAt", now);
        task.put("StoppedAt", now);
        task.putArray("Containers").addObject()
                .put("Name", SandboxTaskContract.CONTAINER)
                .put("LastStatus", "STOPPED")
                .put("ExitCode", exitCode);
        return task;
    }

    private TaskFailedException failed(ObjectNode task, int exitCode, String reason) {
        return new TaskFailedException("States.TaskFailed", stopped(task, exitCode, reason).toString());
    }
}
