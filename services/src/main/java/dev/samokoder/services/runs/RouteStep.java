package dev.samokoder.services.runs;

import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.OptimisticRetry.Contention;
import dev.samokoder.core.storage.VersionConflictException;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.services.runs.artifacts.TaskStep;
import java.util.List;
import java.util.Map;

/**
 * The Route state's work: read the run (one item), ask the {@link Router}, record the decision on
 * the run and in its timeline, and answer the state machine. For CodeMonkey it also lists the
 * current task's pending files (one task's steps, never the whole run) as the Map's items.
 */
public final class RouteStep {

    /** One CodeMonkey Map item: the task and step numbers of a file to write (both from 1). */
    public record FileItem(int task, int step) {
    }

    /** What the state machine reads: {@code $.Payload.step}, {@code .reason} and {@code .files}. */
    public record Output(String step, String reason, List<FileItem> files) {
    }

    private final RunRepository runs;
    private final RunEvents events;
    private final RunArtifacts artifacts;
    private final Router router;
    /** The run's writers' retries. */
    private final OptimisticRetry retry;

    public RouteStep(RunRepository runs, RunEvents events, RunArtifacts artifacts, Router router) {
        this.runs = runs;
        this.events = events;
        this.artifacts = artifacts;
        this.router = router;
        this.retry = new OptimisticRetry(runs.conflictRetry());
    }

    public Output run(String runId) {
        // a save that lost the race (a cancel or an answer landed in between) decides again on fresh progress
        Output output = retry.get(attempt -> {
            Run run = runs.get(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
            RouteDecision decision = router.next(run.progress());
            List<FileItem> files = decision.next() == Step.CODE_MONKEY
                    ? pendingFiles(runId, run.progress().currentTask() + 1)
                    : List.of();
            runs.save(run.withLastStep(decision));
            return new Output(decision.next().name(), decision.reason(), files);
        }, Contention::rethrow, VersionConflictException.class);
        events.append(runId, "route", output.reason(), Map.of("step", output.step()));
        return output;
    }

    /**
     * The task's pending files that may be written now: those none of whose {@code after} files is
     * still pending (a test waits for the code it tests). When every pending file waits on another
     * (a cycle in the plan), they are all written at once rather than never.
     */
    private List<FileItem> pendingFiles(String runId, int task) {
        List<TaskStep> pending = artifacts.steps(runId, task).stream().filter(TaskStep::pendingFile).toList();
        java.util.Set<String> waiting = pending.stream().map(step -> step.path().orElseThrow()).collect(java.util.stream.Collectors.toSet());
        List<TaskStep> ready = pending.stream().filter(step -> step.after().stream().noneMatch(waiting::contains)).toList();
        return (ready.isEmpty() ? pending : ready).stream().map(step -> new FileItem(step.task(), step.number())).toList();
    }
}
