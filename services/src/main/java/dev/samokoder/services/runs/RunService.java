package dev.samokoder.services.runs;

import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Project;
import dev.samokoder.core.ledger.CallOutcome;
import dev.samokoder.core.ledger.CostLedger;
import dev.samokoder.core.ledger.LlmCall;
import dev.samokoder.core.ledger.RunCost;
import dev.samokoder.core.ledger.Spend;
import dev.samokoder.core.storage.Page;
import dev.samokoder.core.storage.ProjectRepository;
import dev.samokoder.core.storage.VersionConflictException;
import dev.samokoder.services.billing.UsageMeter;
import dev.samokoder.services.projects.ProjectNotFoundException;
import dev.samokoder.services.runs.RunProgress.TaskPhase;
import dev.samokoder.services.runs.RunProgress.TaskProgress;
import dev.samokoder.services.runs.artifacts.Execution;
import dev.samokoder.services.runs.artifacts.FixIteration;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.runs.artifacts.Question;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the runs API does: start a run (one active per project), read it with its cost so far,
 * its timeline and its questions, answer a question (which resumes the paused workflow), cancel,
 * and resume a failed or budget-paused run from where it stopped. Every read and write checks
 * that the run is the caller's; another user's run is "not found".
 */
public final class RunService implements RunStarter {

    private static final Logger log = LoggerFactory.getLogger(RunService.class);

    /** A run as the API shows it: the run item, and what its model calls cost so far. */
    public record RunDetails(Run run, RunCost cost) {
    }

    /** One task of a run's plan; {@code current} for the task the run is on (or stopped at). */
    public record PlanTask(PlannedTask task, boolean current) {
    }

    /** The most tasks {@link #plan} reads (a plan is capped lower by {@code AgentLimits.maxTasks}). */
    public static final int MAX_PLAN_TASKS = 40;

    private final ProjectRepository projects;
    private final RunRepository runs;
    private final RunEvents events;
    private final RunArtifacts artifacts;
    private final WorkspaceSnapshots snapshots;
    private final CostLedger ledger;
    private final WorkflowControl workflow;
    private final RunFunding funding;
    private final UsageMeter usage;
    private final BigDecimal userMonthlyBudgetUsd;

    public RunService(ProjectRepository projects, RunRepository runs, RunEvents events, RunArtifacts artifacts,
                      WorkspaceSnapshots snapshots, CostLedger ledger, WorkflowControl workflow, RunFunding funding, UsageMeter usage,
                      BigDecimal userMonthlyBudgetUsd) {
        this.funding = funding;
        this.usage = usage;
        this.userMonthlyBudgetUsd = userMonthlyBudgetUsd;
        this.projects = projects;
        this.runs = runs;
        this.events = events;
        this.artifacts = artifacts;
        this.snapshots = snapshots;
        this.ledger = ledger;
        this.workflow = workflow;
    }

    @Override
    public Run start(String userId, String projectId, RunKind kind, String request, Optional<AutonomyMode> mode) {
        Project project = projects.getOwned(projectId, userId).orElseThrow(() -> new ProjectNotFoundException(projectId));
        runs.activeRunId(projectId).ifPresent(active -> {
            throw new ActiveRunExistsException(projectId, active);
        });
        funding.check(userId, projectId);
        String baseline = snapshots.take(projectId);
        Run run = runs.start(projectId, userId, kind, request, mode.orElse(project.settings().autonomy()), baseline);
        events.append(run.id(), "RUN_STARTED", (kind == RunKind.NEW_APP ? "a new app" : "a change request") + " in "
                + run.progress().mode().name().toLowerCase() + " mode", Map.of("kind", kind.name(), "mode", run.progress().mode().name(),
                "snapshot", baseline));
        Run launched = launch(run);
        usage.recordRun(userId, projectId); // a run counts once its workflow started (a resume is the same run)
        return launched;
    }

    public RunDetails get(String userId, String runId) {
        Run run = owned(userId, runId);
        return new RunDetails(run, ledger.runCost(runId));
    }

    /** A page of the project's runs, newest first. */
    public Page<Run> list(String userId, String projectId, int limit, Optional<String> cursor) {
        projects.getOwned(projectId, userId).orElseThrow(() -> new ProjectNotFoundException(projectId));
        Page<String> ids = runs.listForProject(projectId, limit, cursor);
        return new Page<>(ids.items().stream().map(runs::get).flatMap(Optional::stream).toList(), ids.nextCursor());
    }

    public List<RunEvent> events(String userId, String runId, long after, int limit) {
        owned(userId, runId);
        return events.after(runId, after, limit);
    }

    public List<Question> questions(String userId, String runId) {
        owned(userId, runId);
        return artifacts.questions(runId);
    }

    /** The run's plan in order: empty until the plan exists. One read per task, at most {@link #MAX_PLAN_TASKS}. */
    public List<PlanTask> plan(String userId, String runId) {
        Run run = owned(userId, runId);
        RunProgress p = run.progress();
        List<PlanTask> tasks = new ArrayList<>();
        for (int number = 1; number <= Math.min(p.taskCount(), MAX_PLAN_TASKS); number++) {
            boolean current = number == p.currentTask() + 1;
            artifacts.task(runId, number).ifPresent(task -> tasks.add(new PlanTask(task, current)));
        }
        return tasks;
    }

    /**
     * One task's judged executions in order, with their capped output.
     *
     * @throws TaskNotFoundException if the run's plan has no such task
     */
    public List<Execution> executions(String userId, String runId, int task) {
        Run run = owned(userId, runId);
        if (task < 1 || task > Math.min(run.progress().taskCount(), MAX_PLAN_TASKS)) {
            throw new TaskNotFoundException(runId, task);
        }
        return artifacts.executions(runId, task);
    }

    /**
     * Records an answer; the last open question's answer sends the spec back to SpecWriter and
     * resumes the workflow waiting on the AskUser state.
     *
     * @throws RunStateException when the run is not asking, or the question was answered already
     */
    public Question answer(String userId, String runId, int number, String text) {
        Run run = owned(userId, runId);
        if (!run.status().active() || run.progress().openQuestions() == 0) {
            throw new RunStateException("run " + runId + " is not waiting for answers (it is " + run.status() + ")");
        }
        Question question = artifacts.questions(runId).stream().filter(q -> q.number() == number).findFirst()
                .orElseThrow(() -> new QuestionNotFoundException(runId, number));
        if (question.answer().isPresent()) {
            throw new RunStateException("question " + number + " of run " + runId + " is answered already");
        }
        Question answered;
        try {
            answered = artifacts.answer(runId, question, text);
        } catch (VersionConflictException e) {
            throw new RunStateException("question " + number + " of run " + runId + " was answered at the same time");
        }
        long open = artifacts.questions(runId).stream().filter(q -> q.answer().isEmpty()).count();
        events.append(runId, "QUESTION_ANSWERED", "question " + number + " answered" + (open == 0 ? "; back to SpecWriter" : ""),
                Map.of("question", Integer.toString(number), "open", Long.toString(open)));
        if (open == 0) {
            // the token stored by AskUser, as read by the write that wins; without one, AskUser has not
            // run yet and will find no open question, so the workflow goes on without a resume
            AtomicReference<Optional<String>> token = new AtomicReference<>(Optional.empty());
            change(runId, current -> {
                RunProgress p = current.progress();
                token.set(current.control().waitToken());
                if (p.openQuestions() == 0) {
                    return current;
                }
                return current.withStatus(RunStatus.RUNNING).withControl(current.control().withWaitToken(Optional.empty()))
                        .withProgress(p.questionsAnswered());
            });
            token.get().ifPresent(workflow::resume);
        }
        return answered;
    }

    /**
     * Asks the run to stop: it ends CANCELLED at its next step, with the files back at the last good
     * snapshot. A paused run stops now; a sandbox execution in progress is stopped by the sandbox
     * reaper's next pass ({@link GenerationRunActivity}), which ends the step it belongs to.
     */
    public Run cancel(String userId, String runId) {
        Run run = owned(userId, runId);
        if (!run.status().active()) {
            throw new RunStateException("run " + runId + " has ended (" + run.status() + "); there is nothing to cancel");
        }
        Run saved = change(runId, current -> current.progress().cancelRequested() ? current
                : current.withProgress(current.progress().withCancelRequested()));
        events.append(runId, "CANCEL_REQUESTED", "cancel requested by the user", Map.of());
        saved.control().waitToken().ifPresent(token -> {
            try {
                workflow.cancelWait(token);
            } catch (RuntimeException e) {
                log.warn("run {}: the paused execution did not take the cancel; it stops at its next step", runId, e);
            }
        });
        return saved;
    }

    /**
     * Continues a budget-paused run (once the budget allows another call) or a failed one (a new
     * execution from where it stopped; a task that failed starts over from its plan, since its
     * files were put back to the last good snapshot).
     */
    public Run resume(String userId, String runId) {
        Run run = owned(userId, runId);
        return switch (run.status()) {
            case PAUSED_BUDGET -> resumePaused(run);
            case FAILED -> resumeFailed(run);
            case RUNNING, WAITING_FOR_ANSWER -> throw new RunStateException("run " + runId + " is " + run.status() + "; there is nothing to resume");
            case SUCCEEDED, CANCELLED -> throw new RunStateException("run " + runId + " has ended (" + run.status()
                    + "); start a new run, e.g. a change request");
        };
    }

    private Run resumePaused(Run run) {
        Project project = projects.get(run.projectId()).orElseThrow(() -> new RunNotFoundException(run.id()));
        Optional<BigDecimal> budget = project.settings().budgetUsd();
        BigDecimal committed = ledger.projectCost(project.id()).spend().committedUsd();
        // the call that was refused must fit now, or the run would pause again at once
        BigDecimal needed = ledger.runCalls(run.id()).stream().filter(call -> call.outcome() == CallOutcome.REFUSED)
                .reduce((first, second) -> second).map(LlmCall::reservedUsd).orElse(BigDecimal.ZERO);
        if (budget.isPresent() && committed.add(needed).compareTo(budget.get()) > 0) {
            throw new RunStateException("the project has used $" + committed.setScale(2, RoundingMode.UP).toPlainString() + " of its $"
                    + budget.get().toPlainString() + " budget and the next model call needs up to $"
                    + needed.setScale(2, RoundingMode.UP).toPlainString() + "; raise the budget (PATCH /v1/projects/" + project.id()
                    + ") and resume again");
        }
        Spend month = ledger.currentUserMonthSpend(run.userId());
        if (month.committedUsd().add(needed).compareTo(userMonthlyBudgetUsd) > 0) {
            throw new RunStateException("your monthly model budget of $" + userMonthlyBudgetUsd.toPlainString() + " is used ($"
                    + month.committedUsd().setScale(2, RoundingMode.UP).toPlainString() + " this month) and the next model call needs up to $"
                    + needed.setScale(2, RoundingMode.UP).toPlainString() + "; it renews on the 1st (UTC), or the operator raises "
                    + "SAMOKODER_LLM_USER_MONTHLY_BUDGET_USD; resume then");
        }
        String token = run.control().waitToken().orElseThrow(() -> new RunStateException("run " + run.id() + " is not waiting"));
        Run resumed = change(run.id(), current -> current.withStatus(RunStatus.RUNNING).withFailure(Optional.empty())
                .withControl(current.control().withWaitToken(Optional.empty())));
        events.append(run.id(), "RESUMED", "resumed after the budget pause", Map.of());
        workflow.resume(token);
        return resumed;
    }

    /**
     * A failed run goes on from where it stopped. When it stopped inside a task and the project's
     * files are still as the failure left them (rolled back, nothing changed since), the task's
     * files as the failure found them come back and the task continues: a task stopped in its fix
     * loop gets a fresh fix budget, its iterations numbered on after the earlier ones. When the
     * files changed since (another run), the task starts over from its plan on the files as they
     * are. Either way the earlier failures of the task no longer count as repeats.
     */
    private Run resumeFailed(Run run) {
        RunProgress before = run.progress();
        boolean inTask = before.planDone() && before.currentTask() < before.taskCount() && before.task().phase() != TaskPhase.PASSED;
        boolean continues = inTask && run.control().failedSnapshot().isPresent()
                && snapshots.take(run.projectId()).equals(run.control().goodSnapshot());
        if (continues) {
            snapshots.restore(run.projectId(), run.control().failedSnapshot().get());
        }
        if (inTask) {
            freshFixBudget(run.id(), before.currentTask() + 1);
        }
        Run resumed = change(run.id(), current -> {
            RunProgress p = current.progress();
            TaskProgress t = p.task();
            TaskProgress task = !inTask ? t
                    : !continues ? TaskProgress.fresh()
                    : t.phase() == TaskPhase.FAILED ? t.freshFixBudget()
                    : t;
            return current.withStatus(RunStatus.RUNNING).withFailure(Optional.empty())
                    .withControl(current.control().nextAttempt())
                    .withProgress(p.resumedAfterFailure(task));
        });
        String how = !inTask ? "" : continues ? "; task " + (before.currentTask() + 1) + " continues where it stopped"
                + (before.task().phase() == TaskPhase.FAILED ? ", with a fresh fix budget" : "")
                : "; task " + (before.currentTask() + 1) + " starts over from its plan (the project's files changed since the failure)";
        events.append(run.id(), "RESUMED", "resumed after the failure (attempt " + resumed.control().attempt() + ")" + how,
                Map.of("attempt", Integer.toString(resumed.control().attempt()), "continues", Boolean.toString(continues)));
        return launch(resumed);
    }

    /**
     * The task's next fix iteration starts a fresh budget: failures before it are history, not repeats.
     * The task, marked failed when the run failed on it, is planned again.
     */
    private void freshFixBudget(String runId, int taskNumber) {
        artifacts.task(runId, taskNumber).ifPresent(task -> {
            List<FixIteration> iterations = artifacts.iterations(runId, taskNumber);
            int next = iterations.isEmpty() ? 1 : iterations.getLast().number() + 1;
            artifacts.saveTask(runId, task.withFixBudgetFrom(next).withStatus(PlannedTask.TaskStatus.PLANNED));
        });
    }

    /** Starts the run's execution; a start that fails ends the run as failed, so the project is not locked. */
    private Run launch(Run run) {
        String arn;
        try {
            arn = workflow.start(run);
        } catch (RuntimeException e) {
            log.error("run {}: the workflow did not start", run.id(), e);
            change(run.id(), current -> current.withStatus(RunStatus.FAILED)
                    .withFailure(Optional.of("the workflow did not start: " + e.getMessage())));
            events.append(run.id(), "RUN_FAILED", "the workflow did not start; resume the run to try again", Map.of());
            throw e;
        }
        return change(run.id(), current -> current.withControl(current.control().withExecution(arn)));
    }

    private Run owned(String userId, String runId) {
        return runs.getOwned(runId, userId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    private Run change(String runId, UnaryOperator<Run> change) {
        return runs.update(runId, change);
    }
}
