package dev.samokoder.runner;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.config.Setting;
import dev.samokoder.sandbox.ChangeCollector;
import dev.samokoder.sandbox.CommandLauncher;
import dev.samokoder.sandbox.DirectLauncher;
import dev.samokoder.sandbox.ProcessSupervisor;
import dev.samokoder.sandbox.RunPipeline;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunRequests;
import dev.samokoder.sandbox.RunResult;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.sandbox.SnapshotMaterializer;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.wiring.Wiring;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Fargate sandbox task: reads its run request (S3 key or JSON in the environment),
 * materializes the snapshot into the empty workspace, runs the install (with the project's package
 * cache from S3) and the command under the time and output limits (memory and CPU are the task's
 * size), writes the changed files and the result to S3, and exits. Exit status 0 means a result was recorded, whatever the command did; 2 means the request
 * was unusable; 1 means the runner itself failed. The step function sees a non-zero status as a
 * failed task.
 *
 * <p>A request that exposes a port (a live preview) is the runner's long-running mode: the same run, whose last
 * command serves the app until the preview's maximum or a StopTask; where it serves and its output so far go to the
 * run's S3 prefix ({@link ServingReporter}).
 */
public final class RunnerMain {

    static final int RECORDED = 0;
    static final int RUNNER_FAILED = 1;
    static final int BAD_REQUEST = 2;

    private static final Logger log = LoggerFactory.getLogger(RunnerMain.class);

    private RunnerMain() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv()));
    }

    static int run(Map<String, String> environment) {
        SamokoderConfig config;
        try {
            config = SamokoderConfig.fromEnv(environment);
        } catch (ConfigException e) {
            log.error("sandbox runner misconfigured: {}", e.getMessage());
            return RUNNER_FAILED;
        }
        try (AwsClients clients = new AwsClients(config.aws())) {
            Wiring wiring = new Wiring(config, clients, Clock.systemUTC());
            RunStore runs = wiring.runStore();
            RunRequest request;
            try {
                request = RunRequests.fromTaskEnvironment(environment, runs);
                requireWithinMaximum(request, config.sandbox());
            } catch (IllegalArgumentException e) {
                log.error("sandbox run request refused: {}", e.getMessage());
                return BAD_REQUEST;
            }
            Path workspace = emptyWorkspace(config.sandbox().workspace());
            RunResult result;
            try (PortForwarder forwarder = request.exposePort() == null ? null
                    : PortForwarder.start(servingPort(environment), request.exposePort())) {
                ServingReporter serving = forwarder == null ? null
                        : new ServingReporter(runs, request.id(), () -> TaskAddress.ofThisTask() + ":" + forwarder.port(), Clock.systemUTC());
                result = pipeline(wiring).run(request, workspace, withRegistries(launcher(), config, clients, request), command -> {
                    StopOnTerminate.watch(command);
                    if (serving != null) {
                        serving.follow(command);
                    }
                });
            }
            runs.putResult(result);
            log.info("sandbox run {} of run {} recorded: exit {}, limits {}, {} changes, {} ms", result.id(), result.runId(),
                    result.exitCode(), result.limitsHit(), result.changes().size(), result.durationMillis());
            return RECORDED;
        } catch (RuntimeException | IOException e) {
            log.error("sandbox runner failed", e);
            return RUNNER_FAILED;
        } finally {
            StopOnTerminate.finished();
        }
    }

    private static RunPipeline pipeline(Wiring wiring) {
        SamokoderConfig config = wiring.config();
        long maxBlobBytes = config.limits().maxBlobBytes();
        BlobStore blobs = wiring.storage().blobs();
        SnapshotStore snapshots = wiring.snapshotStore();
        // the task starts empty: an install's package cache comes from S3, into the task's /tmp (outside the workspace)
        S3PackageCache packageCache = new S3PackageCache(wiring.clients().s3(), config.aws().bucketName(),
                Path.of(System.getProperty("java.io.tmpdir"), "samokoder-package-cache"), config.sandbox().packageCache());
        return new RunPipeline(snapshots, new SnapshotMaterializer(blobs), new ChangeCollector(blobs, snapshots, maxBlobBytes),
                new ProcessSupervisor(config.sandbox().outputTailBytes(), config.sandbox().outputLimitBytes()), packageCache);
    }

    /**
     * In the task the runner is the container's first process, and the container exists for this
     * one run: ending a command ends every other process in it. Anywhere else (tests, a developer
     * trying the main) only the command's own tree is ended.
     */
    private static CommandLauncher launcher() {
        if (ProcessHandle.current().pid() == 1) {
            return new ContainerLauncher(DirectLauncher.forDedicatedContainer(), ContainerCgroupCounters.ofThisContainer());
        }
        log.warn("the runner is not the container's first process: only the command's own process tree will be ended");
        return DirectLauncher.unsandboxed();
    }

    /**
     * On AWS, where the task has no route out, a command allowed the registries reaches them
     * through CodeArtifact; without a configured repository (local tries of the main) commands
     * start as they are.
     */
    private static CommandLauncher withRegistries(CommandLauncher launcher, SamokoderConfig config, AwsClients clients,
                                                  RunRequest request) {
        return config.sandbox().registry()
                .<CommandLauncher>map(registry -> new RegistryLauncher(launcher, new PackageRegistryAccess(registry, config.aws().region(),
                        PackageRegistryAccess.apiOf(config.aws().region()), clients.credentials(), clients.http(),
                        Path.of(System.getProperty("java.io.tmpdir"))),
                        Duration.ofSeconds(request.timeLimitSeconds())))
                .orElse(launcher);
    }

    /** The port the preview front reaches a serving task on. */
    static int servingPort(Map<String, String> environment) {
        String value = environment.getOrDefault(Setting.SANDBOX_SERVING_PORT.variable(), Setting.SANDBOX_SERVING_PORT.defaultValue());
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException(Setting.SANDBOX_SERVING_PORT.variable() + " must be a port (0 to 65535), got '" + value + "'");
    }

    private static void requireWithinMaximum(RunRequest request, SamokoderConfig.Sandbox sandbox) {
        if (request.timeLimitSeconds() > sandbox.maxTimeLimit().toSeconds()) {
            throw new IllegalArgumentException("the time limit of " + request.timeLimitSeconds() + " s is over the maximum of "
                    + sandbox.maxTimeLimit().toSeconds() + " s");
        }
    }

    private static Path emptyWorkspace(Path workspace) throws IOException {
        Files.createDirectories(workspace);
        try (var entries = Files.list(workspace)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException("the workspace " + workspace + " is not empty; the task must start with an empty volume");
            }
        }
        return workspace;
    }
}
