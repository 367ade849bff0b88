package dev.samokoder.api.preview;

import dev.samokoder.core.config.Setting;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.sandbox.SandboxTaskContract;
import dev.samokoder.services.preview.Preview;
import dev.samokoder.services.preview.PreviewLauncher;
import dev.samokoder.services.preview.PreviewOutcome;
import dev.samokoder.services.preview.PreviewUnavailableException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.AssignPublicIp;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskResponse;
import software.amazon.awssdk.services.ecs.model.Tag;

/**
 * Live previews on AWS: each one a task of the sandbox runner in its long-running mode (the run request exposes the
 * app's port), in the sandbox VPC's isolated subnets with the preview tasks' security group, which lets only the
 * preview front in. The task is found again by its {@code startedBy}, the preview's id. What it does it tells through
 * its run's S3 prefix ({@code serving.json}, {@code log.txt}, {@code result.json}); the preview front, on the
 * preview domain, is the only way in (docs/preview.md).
 */
public final class EcsPreviewLauncher implements PreviewLauncher {

    /** Where previews run on this stage, from the API function's environment. */
    public record Deployment(String domain, String cluster, String taskDefinition, List<String> subnets, String securityGroup) {

        /** Empty when the stage has no preview domain: previews are not deployed there. */
        public static Optional<Deployment> fromEnv(Map<String, String> environment) {
            String domain = environment.getOrDefault(Setting.PREVIEW_DOMAIN.variable(), "").strip();
            if (domain.isEmpty()) {
                return Optional.empty();
            }
            List<String> subnets = Arrays.stream(environment.getOrDefault(Setting.PREVIEW_SUBNETS.variable(), "").split(","))
                    .map(String::strip).filter(subnet -> !subnet.isEmpty()).toList();
            Deployment deployment = new Deployment(domain, environment.getOrDefault(Setting.SANDBOX_CLUSTER.variable(),
                    Setting.SANDBOX_CLUSTER.defaultValue()), environment.getOrDefault(Setting.PREVIEW_TASK_DEFINITION.variable(), ""),
                    subnets, environment.getOrDefault(Setting.PREVIEW_SECURITY_GROUP.variable(), ""));
            if (deployment.taskDefinition().isEmpty() || subnets.isEmpty() || deployment.securityGroup().isEmpty()) {
                throw new IllegalStateException("previews need " + Setting.PREVIEW_TASK_DEFINITION.variable() + ", "
                        + Setting.PREVIEW_SUBNETS.variable() + " and " + Setting.PREVIEW_SECURITY_GROUP.variable() + " with "
                        + Setting.PREVIEW_DOMAIN.variable());
            }
            return Optional.of(deployment);
        }
    }

    private final EcsClient ecs;
    private final RunStore runs;
    private final Deployment deployment;

    public EcsPreviewLauncher(EcsClient ecs, RunStore runs, Deployment deployment) {
        this.ecs = ecs;
        this.runs = runs;
        this.deployment = deployment;
    }

    /** The project's preview origin: a name of its own under the preview domain (ids' underscores are not DNS). */
    public static URI origin(String domain, String projectId) {
        return URI.create("https://" + projectId.replace('_', '-') + "." + domain);
    }

    @Override
    public URI origin(String projectId) {
        return origin(deployment.domain(), projectId);
    }

    @Override
    public void start(Preview preview, RunRequest request, String probePath) {
        String key = runs.putRequest(request);
        RunTaskResponse started = ecs.runTask(r -> r.cluster(deployment.cluster())
                .taskDefinition(deployment.taskDefinition())
                .launchType(LaunchType.FARGATE)
                .count(1)
                .startedBy(preview.id())
                .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(deployment.subnets())
                        .securityGroups(deployment.securityGroup()).assignPublicIp(AssignPublicIp.DISABLED)))
                .overrides(o -> o.containerOverrides(c -> c.name(SandboxTaskContract.CONTAINER)
                        .environment(KeyValuePair.builder().name(SandboxTaskContract.REQUEST_KEY_VARIABLE).value(key).build())))
                .tags(tag(SandboxTaskContract.RUN_ID_TAG, preview.id()), tag(SandboxTaskContract.SANDBOX_RUN_ID_TAG, request.id()),
                        tag(SandboxTaskContract.TIME_LIMIT_TAG, Integer.toString(request.timeLimitSeconds()))));
        if (started.tasks().isEmpty()) {
            String why = started.failures().isEmpty() ? "no task was started" : started.failures().getFirst().reason();
            throw new PreviewUnavailableException("the preview's sandbox could not be started (" + why + "); try again");
        }
    }

    @Override
    public void stop(String previewId, String reason) {
        String why = ("samokoder preview: " + reason).length() > 255 ? ("samokoder preview: " + reason).substring(0, 255)
                : "samokoder preview: " + reason;
        for (String task : ecs.listTasks(r -> r.cluster(deployment.cluster()).startedBy(previewId).desiredStatus(DesiredStatus.RUNNING))
                .taskArns()) {
            ecs.stopTask(r -> r.cluster(deployment.cluster()).task(task).reason(why));
        }
    }

    /** From its run's S3 prefix: ended (its result), serving (where it listens), or still starting; and its log. */
    @Override
    public Observation observe(Preview preview) {
        Optional<String> log = runs.log(preview.id());
        Optional<Preview> now = runs.getResult(preview.id()).map(result -> PreviewOutcome.ended(preview, result));
        if (now.isEmpty() && preview.status() == Preview.Status.STARTING && runs.serving(preview.id()).isPresent()) {
            now = Optional.of(preview.with(Preview.Status.RUNNING, Optional.empty()));
        }
        return new Observation(now, log);
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
