package dev.samokoder.shared.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One sandbox run from snapshot to result, the same for both runners: materialize the snapshot
 * into the workspace, run the command under the limits, write the kept changes back. Only the
 * launcher differs (bubblewrap locally, a child process in the Fargate task).
 */
public final class RunPipeline {

    private final SnapshotStore snapshots;
    private final SnapshotMaterializer materializer;
    private final ChangeCollector collector;
    private final ProcessSupervisor supervisor;

    public RunPipeline(SnapshotStore snapshots, SnapshotMaterializer materializer, ChangeCollector collector,
                       ProcessSupervisor supervisor) {
        this.snapshots = snapshots;
        this.materializer = materializer;
        this.collector = collector;
        this.supervisor = supervisor;
    }

    /**
     * @param workspace an empty folder for this run
     * @param onStart receives the running command, e.g. so the reaper can stop it
     */
    public RunResult run(RunRequest request, Path workspace, CommandLauncher launcher, Consumer<SupervisedRun> onStart) {
        SnapshotManifest before = request.snapshotKey() == null ? SnapshotManifest.EMPTY : snapshots.get(request.snapshotKey());
        materializer.materialize(before, workspace);
        SupervisedRun running = supervisor.start(launcher, CommandSpec.of(request, workspace), Duration.ofSeconds(request.timeLimitSeconds()));
        onStart.accept(running);
        CommandOutcome outcome = running.await();
        CollectedChanges changes = collector.collect(request.projectId(), request.snapshotKey(), before, workspace, request.keepRules());
        return new RunResult(request.id(), request.runId(), request.projectId(), outcome.exitCode(),
                Signals.fromExitCode(outcome.exitCode()), outcome.stdout(), outcome.stderr(), outcome.durationMillis(),
                outcome.limitsHit(), outcome.stopped(), changes.snapshotKey(), changes.changes(), changes.dropped());
    }
}
