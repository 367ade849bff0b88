package dev.samokoder.workflow.agents;

import dev.samokoder.core.http.Json;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.ledger.RunCost;
import dev.samokoder.services.runs.QuestionsAnsweredException;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunNotifier;
import dev.samokoder.services.runs.RunProgress.TaskPhase;
import dev.samokoder.services.runs.RunProgress;
import dev.samokoder.services.runs.RunStatus;
import dev.samokoder.services.runs.artifacts.Execution;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.runs.artifacts.Text;
import dev.samokoder.services.workspace.Export;
import dev.samokoder.services.workspace.WorkspaceService;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workflow's steps that are not agents: complete a task (snapshot, next task), pause on a
 * question or a budget (record the task token the API resumes with), and end the run — succeeded
 * (export, usage totals) or failed/cancelled (the workspace back at the last good snapshot).
 */
public final class RunLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RunLifecycle.class);
    /** A budget pause whose cause says nothing (it always should: BudgetExceededException's message). */
    static final String BUDGET_REACHED = "budget reached: raise it to continue";

    private final AgentContext context;
    private final AgentRun runs;
    private final WorkspaceSnapshots snapshots;
    private final WorkspaceService workspace;
    private final CostLedger ledger;
    private final RunNotifier notifier;

    public RunLifecycle(AgentContext context, WorkspaceSnapshots snapshots, WorkspaceService workspace, CostLedger ledger,
                        RunNotifier notifier) {
        this.context = context;
        this.runs = new AgentRun(context);
        this.snapshots = snapshots;
        this.workspace = workspace;
        this.ledger = ledger;
        this.notifier = notifier;
    }

    /** The current task passed: its workspace becomes the good snapshot and the run moves to the next task. */
    public Run completeTask(String runId) {
        Run run = runs.run(runId);
        PlannedTask task = runs.currentTask(run);
        String snapshot = snapshots.take(run.projectId());
        if (task.status() != PlannedTask.TaskStatus.DONE) {
            context.artifacts().saveTask(runId, task.withStatus(PlannedTask.TaskStatus.DONE));
        }
        Run saved = change(runId, current -> {
            RunProgress p = current.progress();
            if (p.currentTask() != task.number() - 1) {
                return current; // a retried step: already moved on
            }
            return current.withControl(current.control().withGoodSnapshot(snapshot))
                    .withProgress(p.taskCompleted());
        });
        runs.event(runId, "TASK_DONE", "task " + task.number() + " of " + run.progress().taskCount() + " done: " + task.title(),
                Map.of("task", Integer.toString(task.number()), "snapshot", snapshot));
        return saved;
    }

    /**
     * Records the token the AskUser state waits on; the answer API sends it back.
     *
     * @throws QuestionsAnsweredException when every question was answered before this step ran
     */
    public Run awaitAnswers(String runId, String taskToken) {
        Run saved = change(runId, current -> {
            if (current.progress().openQuestions() == 0) {
                throw new QuestionsAnsweredException(runId);
            }
            return current.withStatus(RunStatus.WAITING_FOR_ANSWER).withControl(current.control().withWaitToken(Optional.of(taskToken)));
        });
        runs.event(runId, "WAITING_FOR_ANSWERS", saved.progress().openQuestions() + " question(s) wait for your answers",
                Map.of("questions", Integer.toString(saved.progress().openQuestions())));
        notifyQuietly(saved, RunNotifier.Moment.QUESTION_ASKED);
        return saved;
    }

    /**
     * Records the token the PauseForBudget state waits on; resuming after the budget is raised sends it back.
     *
     * @param cause the state's error cause: the Lambda error document of the refused call's {@code BudgetExceededException}
     */
    public Run pauseForBudget(String runId, String taskToken, String cause) {
        String reason = Text.clip(errorMessage(cause).orElse(BUDGET_REACHED), 1_000);
        Run saved = change(runId, current -> current.withStatus(RunStatus.PAUSED_BUDGET)
                .withFailure(Optional.of(reason))
                .withControl(current.control().withWaitToken(Optional.of(taskToken))));
        runs.event(runId, "PAUSED_FOR_BUDGET", "paused: " + reason + "; resume the run once it is raised", Map.of());
        return saved;
    }

    /** Every task passed and the README is written: export the app, total the usage, and close the run. */
    public Run succeed(String runId) {
        Run run = runs.run(runId);
        if (run.status() == RunStatus.SUCCEEDED) {
            return run;
        }
        // one listing of the file index for both: the export refuses a listing cut short, so the snapshot gets all of it
        WorkspaceService.Tree files = workspace.tree(run.projectId());
        Export export = workspace.export(run.projectId(), files);
        String snapshot = snapshots.take(run.projectId(), files.files());
        context.artifacts().spec(runId).ifPresent(spec -> context.artifacts().architecture(runId)
                .ifPresent(architecture -> context.artifacts().keepAsApp(run.projectId(), spec, architecture)));
        releaseUnsettled(runId);
        RunCost cost = ledger.runCost(runId);
        Run saved = change(runId, current -> current.withStatus(RunStatus.SUCCEEDED).withFailure(Optional.empty())
                .withControl(current.control().withGoodSnapshot(snapshot).withWaitToken(Optional.empty())));
        // the run's summary: it says so when the answers were replayed rather than a model's
        runs.event(runId, "RUN_SUCCEEDED", "the app is built: " + export.fileCount() + " file(s); " + cost.summary(),
                Map.of("files", Integer.toString(export.fileCount()), "exportBytes", Long.toString(export.sizeBytes()),
                        "modelCalls", Long.toString(cost.calls()), "costUsd", cost.totalUsd().toPlainString(),
                        "snapshot", snapshot, "replayed", Boolean.toString(cost.replayed())));
        notifyQuietly(saved, RunNotifier.Moment.RUN_SUCCEEDED);
        return saved;
    }

    /**
     * Ends the run as cancelled (the user asked) or failed (an error, or a task that could not be
     * fixed), with the project's files back at the last good snapshot.
     *
     * @param error the state machine's error name, e.g. a fully qualified exception class
     * @param cause what the error says
     */
    public Run fail(String runId, String error, String cause) {
        Run run = runs.run(runId);
        if (!run.status().active()) {
            return run; // already ended (a retried step)
        }
        // the files as the failure found them, so a resume can continue the failed task where it stopped
        String failedAt = snapshots.take(run.projectId());
        int restored = snapshots.restore(run.projectId(), run.control().goodSnapshot());
        releaseUnsettled(runId);
        RunCost cost = ledger.runCost(runId);
        boolean cancelled = run.progress().cancelRequested();
        String reason = cancelled ? "cancelled by the user" : Text.clip(describe(error, cause) + lastFailure(run), 1_000);
        if (!cancelled) {
            markCurrentTaskFailed(run);
        }
        Run saved = change(runId, current -> current.withStatus(cancelled ? RunStatus.CANCELLED : RunStatus.FAILED)
                .withFailure(Optional.of(reason))
                .withControl(current.control().withWaitToken(Optional.empty()).withFailedSnapshot(Optional.of(failedAt))));
        runs.event(runId, cancelled ? "RUN_CANCELLED" : "RUN_FAILED", reason + "; the files are as they were after the last completed task"
                        + (restored > 0 ? " (" + restored + " file(s) put back)" : "") + "; " + cost.summary(),
                Map.of("error", error, "restoredFiles", Integer.toString(restored), "snapshot", run.control().goodSnapshot(),
                        "modelCalls", Long.toString(cost.calls()), "costUsd", cost.totalUsd().toPlainString(),
                        "replayed", Boolean.toString(cost.replayed())));
        notifyQuietly(saved, RunNotifier.Moment.RUN_FAILED);
        return saved;
    }

    /** The task the run failed on shows as failed (the API's tasks, the run view); a resume plans it again. */
    private void markCurrentTaskFailed(Run run) {
        RunProgress p = run.progress();
        if (!p.planDone() || p.currentTask() >= p.taskCount()) {
            return;
        }
        try {
            PlannedTask task = runs.currentTask(run);
            if (task.status() == PlannedTask.TaskStatus.PLANNED) {
                context.artifacts().saveTask(run.id(), task.withStatus(PlannedTask.TaskStatus.FAILED));
            }
        } catch (RuntimeException e) { // the run's failure is recorded all the same
            log.warn("run {}: could not mark task {} failed: {}", run.id(), p.currentTask() + 1, e.toString());
        }
    }

    /**
     * When the run stopped on a task that still fails (its fix loop gave up), what failed last, so
     * the reason names the command and its exit code; empty otherwise.
     */
    private String lastFailure(Run run) {
        RunProgress p = run.progress();
        if (!p.planDone() || p.currentTask() >= p.taskCount() || p.task().phase() != TaskPhase.FAILED) {
            return "";
        }
        List<Execution> executions = context.artifacts().executions(run.id(), p.currentTask() + 1);
        if (executions.isEmpty() || executions.getLast().passed()) {
            return "";
        }
        return ". Its last execution: " + Executions.whatFailed(executions.getLast());
    }

    /**
     * The failure in plain words: the error's message (written for a person) when it has one; the
     * error's name, which stays in the event's data, only when it has none.
     */
    private static String describe(String error, String cause) {
        String name = error.substring(error.lastIndexOf('.') + 1);
        Optional<String> text = errorMessage(cause);
        return text.orElse("the step failed with " + name);
    }

    /**
     * What a state's error cause says, for a person: a Lambda's cause is a JSON document (AWS's Java
     * runtime and the local engine alike) whose {@code errorMessage} is the exception's message;
     * any other cause is kept as it is. Empty for a blank cause.
     */
    static Optional<String> errorMessage(String cause) {
        if (cause == null || cause.isBlank()) {
            return Optional.empty();
        }
        String text = cause.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode message = Json.mapper().readTree(text).path("errorMessage");
                if (message.isTextual() && !message.asText().isBlank()) {
                    return Optional.of(message.asText());
                }
            } catch (JsonProcessingException notJson) {
                // a cause that only looks like JSON: shown as it is
            }
        }
        return Optional.of(text);
    }

    private Run change(String runId, UnaryOperator<Run> change) {
        return context.runs().update(runId, change);
    }

    private void notifyQuietly(Run run, RunNotifier.Moment moment) {
        try {
            notifier.notify(run, moment);
        } catch (RuntimeException e) {
            log.warn("could not queue the {} notification of run {}", moment, run.id(), e);
        }
    }

    /** Settles what the run's steps left reserved, so their reservations do not hold the budgets after the run. */
    private void releaseUnsettled(String runId) {
        int released = ledger.releaseUnsettled(runId);
        if (released > 0) {
            log.warn("run {}: settled {} model call(s) whose steps did not complete their settlement", runId, released);
        }
    }
}
