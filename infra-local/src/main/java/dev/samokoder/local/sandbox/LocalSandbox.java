package dev.samokoder.local.sandbox;

import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.local.sfn.tasks.EcsRunTaskSyncRunner;
import dev.samokoder.sandbox.ChangeCollector;
import dev.samokoder.sandbox.ProcessSupervisor;
import dev.samokoder.sandbox.ReapReport;
import dev.samokoder.sandbox.RunActivity;
import dev.samokoder.sandbox.RunPipeline;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunResult;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.sandbox.SandboxReaper;
import dev.samokoder.sandbox.SandboxTask;
import dev.samokoder.sandbox.SnapshotMaterializer;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.wiring.Wiring;
import dev.samokoder.sandbox.SupervisedRun;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runner of generated code: the same run pipeline as the Fargate task, with each command
 * in bubblewrap and cgroups, its runs in a process table, and a reaper over that table on a timer.
 * Behind {@code ecs:runTask.sync} in the local engine ({@link #ecsRunner()}). How this machine
 * isolates is decided on the first run, so a platform without bubblewrap still starts (and
 * refuses generated code with a message naming the package).
 */
public final class LocalSandbox implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalSandbox.class);

    private final SamokoderConfig.Sandbox settings;
    private final String region;
    private final RunStore runs;
    private final RunPipeline pipeline;
    private SandboxScratch scratch;
    private final LocalProcessTable table = new LocalProcessTable();
    private final Clock clock;
    private LocalIsolation isolation;
    private ScheduledExecutorService reaperTimer;
    private SandboxReaper reaper;

    private LocalSandbox(Wiring wiring) {
        SamokoderConfig config = wiring.config();
        this.settings = config.sandbox();
        this.region = config.aws().region();
        this.clock = wiring.clock();
        BlobStore blobs = wiring.storage().blobs();
        SnapshotStore snapshots = wiring.snapshotStore();
        this.runs = wiring.runStore();
        this.pipeline = new RunPipeline(snapshots, new SnapshotMaterializer(blobs),
                new ChangeCollector(blobs, snapshots, config.limits().maxBlobBytes()),
                new ProcessSupervisor(settings.outputTailBytes(), settings.outputLimitBytes()));
    }

    public static LocalSandbox create(Wiring wiring) {
        return new LocalSandbox(wiring);
    }

    /** What the local engine calls for {@code arn:aws:states:::ecs:runTask.sync}. */
    public EcsRunTaskSyncRunner ecsRunner() {
        return new LocalEcsTaskRunner(this, runs, region, settings.cluster(), clock);
    }

    /** Runs the reaper every {@code SAMOKODER_SANDBOX_REAPER_INTERVAL_SECONDS} over this runner's tasks. */
    public synchronized void startReaper(RunActivity activity) {
        reaper = new SandboxReaper(table, activity, settings.reaperGrace(), settings.maxTimeLimit(), clock);
        reaperTimer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sandbox-reaper").daemon().factory());
        long every = settings.reaperInterval().toMillis();
        reaperTimer.scheduleWithFixedDelay(this::reapQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    /** One reaper pass now (what the timer does). */
    public ReapReport reap(RunActivity activity) {
        return new SandboxReaper(table, activity, settings.reaperGrace(), settings.maxTimeLimit(), clock).reap();
    }

    /**
     * Runs one request to its end and stores its result, as the Fargate task would.
     *
     * @throws SandboxUnavailableException when this machine cannot isolate generated code
     */
    public RunResult run(RunRequest request, String taskId, String executionArn) throws SandboxUnavailableException {
        return run(request, taskId, executionArn, running -> { });
    }

    /**
     * {@link #run(RunRequest, String, String)}, telling {@code observer} about each command as it starts (the install,
     * then the command): a live preview follows its app's output and stops it this way.
     */
    public RunResult run(RunRequest request, String taskId, String executionArn, Consumer<SupervisedRun> observer)
            throws SandboxUnavailableException {
        Duration limit = Duration.ofSeconds(request.timeLimitSeconds());
        if (limit.compareTo(settings.maxTimeLimit()) > 0) {
            throw new IllegalArgumentException("the time limit of " + limit.toSeconds() + " s is over the maximum of "
                    + settings.maxTimeLimit().toSeconds() + " s (SAMOKODER_SANDBOX_MAX_TIME_SECONDS)");
        }
        var launcher = isolation().launcher();
        SandboxScratch.RunFolder folder = scratch().create(taskId);
        try {
            SandboxTask task = new SandboxTask(taskId, request.runId(), executionArn, clock.instant(), limit);
            RunResult result = pipeline.run(request, folder.workspace(), launcher, running -> {
                table.add(task, running);
                observer.accept(running);
            });
            runs.putResult(result);
            return result;
        } finally {
            table.remove(taskId);
            scratch().delete(folder);
        }
    }

    /** Where the platform reaches the port a running command exposes ({@link RunRequest#exposePort()}). */
    public static Path appSocket(SupervisedRun running) {
        return BubblewrapLauncher.appSocket(running.spec().workspace());
    }

    /** How this machine isolates generated code (or why it cannot), decided on the first run. */
    private synchronized LocalIsolation isolation() {
        if (isolation == null) {
            isolation = LocalIsolation.resolve(settings, scratch());
        }
        return isolation;
    }

    /** Made on the first run, so a scratch folder problem fails runs (with its message), not the platform's start. */
    private synchronized SandboxScratch scratch() {
        if (scratch == null) {
            scratch = SandboxScratch.open(settings.dir());
        }
        return scratch;
    }

    private void reapQuietly() {
        try {
            reaper.reap();
        } catch (RuntimeException e) {
            log.error("sandbox reaper pass failed", e);
        }
    }

    /** Stops the reaper and every running sandbox, and removes this process's scratch folder. */
    @Override
    public synchronized void close() {
        if (reaperTimer != null) {
            reaperTimer.shutdownNow();
        }
        table.stopAll();
        try {
            if (isolation != null) {
                isolation.close();
            }
            if (scratch != null) {
                scratch.close();
            }
        } catch (RuntimeException e) {
            log.warn("could not remove the sandbox's cgroups or scratch folder: {}", e.getMessage());
        }
    }
}
