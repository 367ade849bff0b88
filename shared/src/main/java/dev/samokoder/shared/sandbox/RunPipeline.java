package dev.samokoder.shared.sandbox;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
     * Runs the request's install script first when it has one (with the package registries), then its command (with
     * no network, unless the request allows the command the registries), both in one workspace under one time limit;
     * a failed install is the run's outcome and the command does not run.
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
            // the install keeps the project's package cache between executions (where the launcher has one)
            CommandSpec installSpec = new CommandSpec(request.id(), install.get(), workspace, "", command.environment(), true,
                    request.projectId());
            CommandOutcome installed = supervise(launcher, installSpec, limit, onStart);
            Duration left = limit.minusMillis(installed.durationMillis());
            if (installed.exitCode() != 0 || installed.limitsHit().any() || installed.stopped() || left.toMillis() < 1_000) {
                outcome = installed.exitCode() == 0 && !installed.limitsHit().any() && !installed.stopped()
                        ? timedOutAfterInstall(installed) : installed;
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
