package dev.samokoder.services.runs;

import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.storage.Attributes;
import dev.samokoder.core.storage.ItemAlreadyExistsException;
import dev.samokoder.core.storage.Key;
import dev.samokoder.core.storage.Keys;
import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.OptimisticRetry.Contention;
import dev.samokoder.core.storage.Page;
import dev.samokoder.core.storage.SingleTable;
import dev.samokoder.core.storage.VersionConflictException;
import dev.samokoder.services.runs.RunProgress.FailureKind;
import dev.samokoder.services.runs.RunProgress.TaskPhase;
import dev.samokoder.services.runs.RunProgress.TaskProgress;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Runs, and the lock that keeps one active run per project. Starting a run creates the run and
 * the lock in one transaction; ending it (succeeded, failed, cancelled) writes the run and
 * releases the lock in one transaction. Every write is versioned.
 */
public final class RunRepository {

    static final String TYPE = "Run";
    static final String ACTIVE_TYPE = "ActiveRun";
    static final String PROJECT_RUN_TYPE = "ProjectRun";

    private final SingleTable table;
    private final Clock clock;
    private final RetryPolicy conflictRetry;
    private final OptimisticRetry retry;

    public RunRepository(SingleTable table, Clock clock) {
        this(table, clock, RetryPolicy.hotItemDefaults());
    }

    /** @param conflictRetry how a change of a run that lost the race to another writer tries again (a run is a hot item) */
    public RunRepository(SingleTable table, Clock clock, RetryPolicy conflictRetry) {
        this.table = table;
        this.clock = clock;
        this.conflictRetry = conflictRetry;
        this.retry = new OptimisticRetry(conflictRetry);
    }

    /**
     * How a change of a run that lost the race tries again: {@link #update}'s policy, and that of the
     * writers that read, decide and {@link #save} a run themselves (the Route step, the agents).
     */
    public RetryPolicy conflictRetry() {
        return conflictRetry;
    }

    /** @throws ActiveRunExistsException if the project has an active run */
    public Run start(String projectId, String userId, RunKind kind, String request, AutonomyMode mode, String baseSnapshot) {
        Instant now = clock.instant();
        RunProgress progress = RunProgress.start(mode);
        Run run = new Run(Ids.newId(Run.ID_PREFIX), projectId, userId, kind, request, RunStatus.RUNNING, progress,
                Optional.empty(), Optional.empty(), new Run.Control(1, Optional.empty(), Optional.empty(), baseSnapshot), now, now, 1);
        var lock = Attributes.item(Keys.activeRun(projectId), ACTIVE_TYPE, 1).string("runId", run.id()).build();
        var index = Attributes.item(Keys.projectRun(projectId, now, run.id()), PROJECT_RUN_TYPE, 1).string("runId", run.id()).build();
        table.transact(List.of(table.createOp(toItem(run)), table.createOp(lock), table.createOp(index)), (op, stored) -> op == 1
                ? new ActiveRunExistsException(projectId, stored.map(item -> Attributes.of(item).string("runId")).orElse("(unknown)"))
                : new ItemAlreadyExistsException(Keys.run(run.id())));
        return run;
    }

    public Optional<Run> get(String runId) {
        return table.get(Keys.run(runId)).map(RunRepository::fromItem);
    }

    /** The run if {@code userId} started it; someone else's run reads as absent (HTTP 404). */
    public Optional<Run> getOwned(String runId, String userId) {
        return get(runId).filter(run -> run.userId().equals(userId));
    }

    /**
     * Applies {@code change} to the latest copy of the run until its save wins the optimistic lock
     * (the runs API racing the workflow's steps). A change that returns the run as it was writes nothing.
     *
     * @throws RunNotFoundException if there is no such run
     * @throws VersionConflictException if other writers kept winning past the retries
     */
    public Run update(String runId, UnaryOperator<Run> change) {
        return retry.get(attempt -> {
            Run current = get(runId).orElseThrow(() -> new RunNotFoundException(runId));
            Run next = change.apply(current);
            return next.equals(current) ? current : save(next);
        }, Contention::rethrow, VersionConflictException.class);
    }

    /** A page of the project's run ids, newest first. */
    public Page<String> listForProject(String projectId, int limit, Optional<String> cursor) {
        return table.queryPage(Keys.projectPartition(projectId), Keys.PROJECT_RUN_PREFIX, limit, cursor, false)
                .map(item -> Attributes.of(item).string("runId"));
    }

    public Optional<String> activeRunId(String projectId) {
        return table.get(Keys.activeRun(projectId)).map(item -> Attributes.of(item).string("runId"));
    }

    /**
     * Saves a run read at {@code run.version()}; a run that becomes inactive releases the project's
     * lock in the same transaction, and one that becomes active again (resume) takes it back.
     *
     * <p>The lock follows the run's status: {@link #start} takes it with the run, and every save
     * that makes a run active or inactive moves it in the same transaction. So a save that leaves
     * the run as active as the version it was read at (nearly every save: progress, the router's
     * step) is one conditional write — on the version, and on the stored status being active or
     * not as the new one is — without a look at the lock; only when that condition finds the
     * status changing is the lock read and moved.
     *
     * @throws dev.samokoder.core.storage.VersionConflictException if the run changed since it was read
     * @throws ActiveRunExistsException when resuming while another run of the project is active
     */
    public Run save(Run run) {
        Run saved = new Run(run.id(), run.projectId(), run.userId(), run.kind(), run.request(), run.status(), run.progress(),
                run.lastStep(), run.failure(), run.control(), run.createdAt(), clock.instant(), run.version() + 1);
        Key key = Keys.run(run.id());
        Map<String, AttributeValue> active = new HashMap<>();
        for (RunStatus status : RunStatus.values()) {
            if (status.active()) {
                active.put(":active" + active.size(), AttributeValue.fromS(status.name()));
            }
        }
        String storedActive = "#status IN (" + String.join(", ", active.keySet().stream().sorted().toList()) + ")";
        if (table.replaceIf(key, toItem(saved), run.version(), saved.status().active() ? storedActive : "NOT " + storedActive,
                Map.of("#status", "status"), active)) {
            return saved;
        }
        Optional<Attributes> lock = table.get(Keys.activeRun(run.projectId())).map(Attributes::of);
        boolean holdsLock = lock.isPresent() && lock.get().string("runId").equals(run.id());
        if (saved.status().active() == holdsLock) {
            table.replace(key, toItem(saved), run.version());
        } else if (holdsLock) {
            table.transact(List.of(table.replaceOp(toItem(saved), run.version()),
                            table.deleteOp(Keys.activeRun(run.projectId()), lock.get().version())),
                    (index, stored) -> SingleTable.conditionFailed(index == 0 ? key : Keys.activeRun(run.projectId()),
                            index == 0 ? run.version() : lock.get().version(), stored.orElse(Map.of())));
        } else {
            var newLock = Attributes.item(Keys.activeRun(run.projectId()), ACTIVE_TYPE, 1).string("runId", run.id()).build();
            table.transact(List.of(table.replaceOp(toItem(saved), run.version()), table.createOp(newLock)),
                    (index, stored) -> index == 1
                            ? new ActiveRunExistsException(run.projectId(), stored.map(item -> Attributes.of(item).string("runId")).orElse("(unknown)"))
                            : SingleTable.conditionFailed(key, run.version(), stored.orElse(Map.of())));
        }
        return saved;
    }

    private static Map<String, AttributeValue> toItem(Run run) {
        RunProgress p = run.progress();
        TaskProgress t = p.task();
        return Attributes.item(Keys.run(run.id()), TYPE, run.version())
                .string("id", run.id())
                .string("projectId", run.projectId())
                .string("userId", run.userId())
                .string("kind", run.kind().name())
                .string("request", run.request())
                .string("status", run.status().name())
                .string("mode", p.mode().name())
                .bool("specDone", p.specDone())
                .number("openQuestions", p.openQuestions())
                .bool("architectureDone", p.architectureDone())
                .bool("planDone", p.planDone())
                .number("taskCount", p.taskCount())
                .number("currentTask", p.currentTask())
                .string("taskPhase", t.phase().name())
                .number("pendingFiles", t.pendingFiles())
                .number("fixIterations", t.fixIterations())
                .string("lastFailure", t.lastFailure().name())
                .bool("failureRepeated", t.failureRepeated())
                .bool("problemSolverUsed", t.problemSolverUsed())
                .bool("docsDone", p.docsDone())
                .bool("cancelRequested", p.cancelRequested())
                .optionalString("lastStep", run.lastStep().map(d -> d.next().name()))
                .optionalString("lastStepReason", run.lastStep().map(RouteDecision::reason))
                .optionalString("failure", run.failure())
                .number("attempt", run.control().attempt())
                .optionalString("executionArn", run.control().executionArn())
                .optionalString("waitToken", run.control().waitToken())
                .string("goodSnapshot", run.control().goodSnapshot())
                .optionalString("failedSnapshot", run.control().failedSnapshot())
                .string("baseline", run.control().baseline())
                .instant("createdAt", run.createdAt())
                .instant("updatedAt", run.updatedAt())
                .build();
    }

    private static Run fromItem(Map<String, AttributeValue> item) {
        Attributes a = Attributes.of(item);
        TaskProgress task = new TaskProgress(TaskPhase.valueOf(a.string("taskPhase")), (int) a.number("pendingFiles"),
                (int) a.number("fixIterations"), FailureKind.valueOf(a.string("lastFailure")), a.bool("failureRepeated"),
                a.bool("problemSolverUsed"));
        RunProgress progress = new RunProgress(AutonomyMode.valueOf(a.string("mode")), a.bool("specDone"),
                (int) a.number("openQuestions"), a.bool("architectureDone"), a.bool("planDone"), (int) a.number("taskCount"),
                (int) a.number("currentTask"), task, a.bool("docsDone"), a.bool("cancelRequested"));
        Optional<RouteDecision> lastStep = a.optionalString("lastStep")
                .map(step -> new RouteDecision(Step.valueOf(step), a.optionalString("lastStepReason").orElse("")));
        Run.Control control = new Run.Control((int) a.number("attempt"), a.optionalString("executionArn"),
                a.optionalString("waitToken"), a.string("goodSnapshot"), a.optionalString("failedSnapshot"),
                a.optionalString("baseline").orElse(a.string("goodSnapshot")));
        return new Run(a.string("id"), a.string("projectId"), a.string("userId"), RunKind.valueOf(a.string("kind")),
                a.string("request"), RunStatus.valueOf(a.string("status")), progress, lastStep, a.optionalString("failure"),
                control, a.instant("createdAt"), a.instant("updatedAt"), a.version());
    }
}
