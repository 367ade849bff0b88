package dev.samokoder.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sandbox run from snapshot to result, the same for both runners: materialize the snapshot
 * into the workspace, run the command under the limits, write the kept changes back. Only the
 * launcher differs (bubblewrap locally, a child process in the Fargate task), and where the
 * install's package cache is kept (the Fargate runner's {@link PackageCache} in S3).
 */
public final class RunPipeline {

    private static final Logger log = LoggerFactory.getLogger(RunPipeline.class);

    private final SnapshotStore snapshots;
    private final SnapshotMaterializer materializer;
    private final ChangeCollector collector;
    private final ProcessSupervisor supervisor;
    private final PackageCache packageCache;

    /** A pipeline that keeps no package cache around the install (the launcher may have its own). */
    public RunPipeline(SnapshotStore snapshots, SnapshotMaterializer materializer, ChangeCollector collector,
                       ProcessSupervisor supervisor) {
        this(snapshots, materializer, collector, supervisor, PackageCache.NONE);
    }

    public RunPipeline(SnapshotStore snapshots, SnapshotMaterializer materializer, ChangeCollector collector,
                       ProcessSupervisor supervisor, PackageCache packageCache) {
        this.snapshots = snapshots;
        this.materializer = materializer;
        this.collector = collector;
        this.supervisor = supervisor;
        this.packageCache = packageCache;
    }

    /**
     * Runs the request's install script first when it has one (with the package registries), then its command (with
     * no network, unless the request allows the command the registries), both in one workspace under one time limit;
     * a failed install is the run's outcome and the command does not run. The project's package cache is restored
     * before the install and saved after an install that succeeded; the time that takes counts in the time limit.
     *
     * @param workspace an empty folder for this run
     * @param onStart receives each running command (the install, then the command), e.g. so the reaper can stop it
     */
    public RunResult run(RunRequest request, Path workspace, CommandLauncher launcher, Consumer<SupervisedRun> onStart) {
        SnapshotManifest before = request.snapshotKey() == null ? SnapshotManifest.EMPTY : snapshots.get(request.snapshotKey());
        materializer.materialize(before, workspace);
        Duration limit = Duration.ofSeconds(request.timeLimitSeconds());
        CommandSpec command = CommandSpec.of(request, workspace);
        CommandOutcome outcome;
        Optional<List<String>> install = request.installArgv();
        if (install.isPresent()) {
            long started = System.nanoTime();
            CommandOutcome installed;
            try (PackageCache.Restored cache = restoreCache(request, workspace)) {
                Map<String, String> environment = new LinkedHashMap<>(command.environment());
                environment.putAll(cache.environment());
                // the install keeps the project's package cache between executions (where the launcher has one)
                CommandSpec installSpec = new CommandSpec(request.id(), install.get(), workspace, "", environment, true,
                        request.projectId());
                installed = supervise(launcher, installSpec, limit.minus(since(started)), onStart);
                if (succeeded(installed)) {
                    saveCache(request, cache);
                }
            }
            Duration left = limit.minus(since(started));
            if (!succeeded(installed) || left.toMillis() < 1_000) {
                outcome = succeeded(installed) ? timedOutAfterInstall(installed) : installed;
            } else {
                outcome = combine(installed, supervise(launcher, command, left, onStart));
            }
        } else {
            outcome = supervise(launcher, command, limit, onStart);
        }
        CollectedChanges changes = collector.collect(request.projectId(), request.snapshotKey(), before, workspace, request.keepRules());
        return new RunResult(request.id(), request.runId(), request.projectId(), outcome.exitCode(),
                Signals.fromExitCode(outcome.exitCode()), outcome.stdout(), outcome.stderr(), outcome.durationMillis(),
                outcome.limitsHit(), outcome.stopped(), changes.snapshotKey(), changes.changes(), changes.dropped());
    }

    /** A cache that fails in a way its implementation did not foresee is still no reason to fail the run. */
    private PackageCache.Restored restoreCache(RunRequest request, Path workspace) {
        try {
            return packageCache.restore(request.projectId(), workspace);
        } catch (RuntimeException e) {
            log.warn("sandbox run {}: the package cache could not be restored, the install runs without it", request.id(), e);
            return PackageCache.Restored.NOTHING;
        }
    }

    private static void saveCache(RunRequest request, PackageCache.Restored cache) {
        try {
            cache.save();
        } catch (RuntimeException e) {
            log.warn("sandbox run {}: the package cache could not be saved", request.id(), e);
        }
    }

    private static boolean succeeded(CommandOutcome installed) {
        return installed.exitCode() == 0 && !installed.limitsHit().any() && !installed.stopped();
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private CommandOutcome supervise(CommandLauncher launcher, CommandSpec spec, Duration limit, Consumer<SupervisedRun> onStart) {
        SupervisedRun running = supervisor.start(launcher, spec, limit);
        onStart.accept(running);
        return running.await();
    }

    /** The install used the whole time limit but succeeded: the run timed out before its command. */
    private static CommandOutcome timedOutAfterInstall(CommandOutcome installed) {
        String note = "\n[samokoder] the install used the time limit; the command did not run\n";
        OutputTail stderr = installed.stderr();
        return new CommandOutcome(124, installed.stdout(), new OutputTail(stderr.text() + note, stderr.totalBytes() + note.length(),
                stderr.truncated()), installed.durationMillis(), new LimitsHit(true, false, false, false), false);
    }

    /** The two phases as one outcome: the output of both in order (each already a bounded tail), the command's end. */
    static CommandOutcome combine(CommandOutcome install, CommandOutcome command) {
        return new CommandOutcome(command.exitCode(), join(install.stdout(), command.stdout()), join(install.stderr(), command.stderr()),
                install.durationMillis() + command.durationMillis(), command.limitsHit(), command.stopped());
    }

    private static OutputTail join(OutputTail first, OutputTail second) {
        if (first.text().isEmpty()) {
            return second;
        }
        String text = second.text().isEmpty() ? first.text() : first.text() + (first.text().endsWith("\n") ? "" : "\n") + second.text();
        return new OutputTail(text, first.totalBytes() + second.totalBytes(), first.truncated() || second.truncated());
    }
}
