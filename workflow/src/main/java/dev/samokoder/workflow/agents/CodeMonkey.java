package dev.samokoder.workflow.agents;

import dev.samokoder.core.domain.FileEntry;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.models.AgentNames;
import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.OptimisticRetry.Contention;
import dev.samokoder.core.storage.VersionConflictException;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunProgress.TaskPhase;
import dev.samokoder.services.runs.RunProgress.TaskProgress;
import dev.samokoder.services.runs.RunProgress;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.runs.artifacts.RunArtifacts;
import dev.samokoder.services.runs.artifacts.Spec;
import dev.samokoder.services.runs.artifacts.TaskStep.StepStatus;
import dev.samokoder.services.runs.artifacts.TaskStep;
import dev.samokoder.workflow.answers.PromptTemplate;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.Deadline;
import dev.samokoder.workflow.loop.Submission;
import dev.samokoder.workflow.tools.ProjectFiles;
import dev.samokoder.workflow.tools.WritePolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes one file of a step what its instructions say, in a tool loop: it reads the files it works
 * with, creates the file with write_file or changes it with edit_file (it may change no other
 * file), and submits a one-line summary for the project map. Each submitted version is reviewed
 * by a second model reading the diff; its problems go back for a revision, at most
 * {@link dev.samokoder.core.config.WorkflowLimits#maxCodingAttempts()} versions (the last one
 * is kept: the task's tests are the judge). Then the step is marked DONE.
 *
 * <p>The state machine runs one CodeMonkey per file in parallel. Each counts the pending files
 * from the task's step items after marking its own step DONE, and saves the run under optimistic
 * locking, re-reading on a conflict; so the last writer sees zero pending, and the phase moves to
 * CODE_WRITTEN exactly once.
 */
public final class CodeMonkey {

    public static final String AGENT = AgentNames.CODE_MONKEY;
    /** Reviews run under their own agent name, so their calls are counted and priced apart. */
    public static final String REVIEW_AGENT = AgentNames.CODE_MONKEY_REVIEW;
    /** The step's fact: the file's content when the step first started, what the review diffs against. */
    private static final String BEFORE = "before";

    /** The file step this CodeMonkey writes: one item of the list Route hands the Map. */
    public record FileStep(int task, int step) {
    }

    /** What was written, and whether this write moved the task to CODE_WRITTEN. */
    public record Output(String path, int attempts, boolean approved, boolean lastFile) {
    }

    private final AgentContext context;
    private final AgentRun runs;
    /** The review is one model call inside a CodeMonkey round: it does not yield on its own (the round's deadline check covered it). */
    private final AgentRun reviewRuns;
    private final OptimisticRetry stepRetry;

    public CodeMonkey(AgentContext context) {
        this.context = context;
        this.runs = new AgentRun(context);
        this.reviewRuns = new AgentRun(context.withDeadline(Deadline.none()));
        this.stepRetry = new OptimisticRetry(context.conflictRetry());
    }

    public Output run(String runId, FileStep file) {
        Run run = runs.run(runId);
        RunArtifacts.FileStepInputs inputs = context.artifacts().fileStep(runId, run.progress().taskCount(), file.task(), file.step());
        TaskStep step = inputs.step().orElseThrow(() -> new IllegalStateException("run " + runId + " has no step " + file));
        if (step.kind() != TaskStep.StepKind.SAVE_FILE) {
            throw new IllegalArgumentException("step " + file + " of run " + runId + " does not save a file");
        }
        WorkspacePath path = WorkspacePath.of(step.path().orElseThrow());
        if (step.status() != StepStatus.PENDING) {
            // a retried invocation: the file is written; only the run's progress may be behind
            return new Output(path.value(), 0, true, settleProgress(runId, file.task()));
        }
        PlannedTask task = inputs.task(file.task()).orElseThrow(() -> new IllegalStateException("run " + runId + " has no task " + file.task()));
        ProjectFiles files = runs.files(run);
        int maxChars = context.agentLimits().maxFileChars();
        Optional<String> before = current(files, path);
        String name = "task " + file.task() + " · step " + file.step() + " · " + path.value();
        Spec spec = inputs.spec().orElseThrow(() -> new IllegalStateException("run " + runId + " has no spec"));
        Architecture architecture = inputs.architecture()
                .orElseThrow(() -> new IllegalStateException("run " + runId + " has no architecture"));
        List<AgentTool> tools = new ArrayList<>(context.toolset().reading(files));
        tools.addAll(context.toolset().writing(files, WritePolicy.only(path.value()), maxChars));
        // the reviews are calls inside this step, under its scope (read once, as for every round of the step)
        CallScope scope = runs.scope(run, AGENT);
        Reviewed reviewed = new Reviewed();
        String map = runs.map(run);
        Submission submission = Submission.of("file-summary", "a one-line summary of what the file is for, once the file is done.")
                .withCheck((answer, attempt, memory) -> {
                    Optional<String> now = written(files, path);
                    if (now.isEmpty()) {
                        return Submission.Verdict.problems(List.of(path.value() + " does not exist yet: write it with write_file before you submit"));
                    }
                    // the file as the step first found it, also when this is a later invocation of the step
                    return review(run, scope.forAgent(REVIEW_AGENT), task, step, path, memory.facts().getOrDefault(BEFORE, ""), now.get(), map,
                            attempt, reviewed);
                });
        JsonNode answer = runs.ask(run, scope, new AgentRun.Ask(AGENT, name, "code-monkey",
                Map.of("path", path.value(),
                        "plan", Prompts.plan(inputs.tasks(), file.task()),
                        "fileState", before.isPresent()
                                ? path.value() + " exists (" + before.get().lines().count() + " lines): read it, then change it with "
                                        + "edit_file; do not rewrite it whole."
                                : path.value() + " does not exist yet: create it with write_file, the whole file (a long file in "
                                        + "parts: write_file, then append_to_file).",
                        "instructions", PromptTemplate.data(step.instructions()),
                        "task", PromptTemplate.data(Prompts.task(task)),
                        "spec", PromptTemplate.data(Prompts.spec(spec)),
                        "architecture", Prompts.architecture(architecture),
                        "map", map),
                tools, submission, Map.of("task", Integer.toString(file.task())), Map.of(BEFORE, before.orElse(""))));
        files.describe(path, answer.path("summary").asText());
        markDone(runId, step);
        runs.event(runId, "FILE_WRITTEN", "finished " + path.value() + " in " + reviewed.versions + " reviewed version(s)"
                        + (reviewed.approved ? "" : ", review not satisfied"),
                Map.of("agent", AGENT, "task", Integer.toString(file.task()), "path", path.value(),
                        "attempts", Integer.toString(reviewed.versions), "approved", Boolean.toString(reviewed.approved)));
        return new Output(path.value(), reviewed.versions, reviewed.approved, settleProgress(runId, file.task()));
    }

    /**
     * The self-review of a submitted version: a second model reads the diff against the file as
     * the step found it. Its problems go back to CodeMonkey, which revises and submits again, at most
     * {@code maxCodingAttempts} versions; the last one is kept whatever the review said (the task's
     * tests are the judge).
     */
    private Submission.Verdict review(Run run, CallScope scope, PlannedTask task, TaskStep step, WorkspacePath path, String before,
                                      String now, String map, int attempt, Reviewed reviewed) {
        String name = "task " + task.number() + " · step " + step.number() + " · " + path.value();
        reviewed.versions = attempt;
        JsonNode verdict = reviewRuns.ask(run, scope, new AgentRun.Ask(REVIEW_AGENT, name + " · review " + attempt, "code-review",
                Map.of("task", PromptTemplate.data(Prompts.task(task)),
                        "path", path.value(),
                        "instructions", PromptTemplate.data(step.instructions()),
                        "diff", PromptTemplate.data(LineDiff.of(before, now, context.agentLimits().maxTextChars())),
                        "map", map),
                List.of(), Submission.of("code-review", "your verdict on the change."), Map.of("task", Integer.toString(task.number()))));
        reviewed.approved = verdict.path("approved").asBoolean();
        if (reviewed.approved || attempt >= context.limits().maxCodingAttempts()) {
            return Submission.Verdict.ACCEPTED;
        }
        List<String> problems = Prompts.strings(verdict.path("problems"));
        return new Submission.Verdict(List.of(), problems.isEmpty() ? List.of("the reviewer did not approve the change") : problems);
    }

    /** What the last review said, and how many versions were submitted: set by the submit's check. */
    private static final class Reviewed {
        private int versions;
        private boolean approved;
    }

    /**
     * The file as this step left it: the step is the only writer of its path (its write policy), so
     * what it last wrote is the file; read from the index only when it wrote nothing yet.
     */
    private static Optional<String> written(ProjectFiles files, WorkspacePath path) {
        Optional<FileEntry> wrote = files.lastWritten(path);
        return wrote.isPresent() ? Optional.of(files.text(wrote.get())) : current(files, path);
    }

    private static Optional<String> current(ProjectFiles files, WorkspacePath path) {
        try {
            return files.text(path);
        } catch (ProjectFiles.BinaryFileException binary) {
            return Optional.of("");
        }
    }

    /** Marks the step DONE unless it is already; a save that lost the race re-reads the step. */
    private void markDone(String runId, TaskStep step) {
        stepRetry.run(attempt -> {
            TaskStep current = attempt == 1 ? step : context.artifacts().step(runId, step.task(), step.number()).orElseThrow();
            if (current.status() == StepStatus.PENDING) {
                context.artifacts().saveStep(runId, current.done());
            }
        }, Contention::lastConflict, VersionConflictException.class);
    }

    /**
     * Recounts the task's pending files into the run; true when this call moved the task to CODE_WRITTEN.
     *
     * <p>The count is taken once, after this step was marked DONE. Steps only go from PENDING to DONE
     * while the task's files are written, so every writer's count is at least what is pending when it
     * lands, and the writer whose step was marked last counts zero. A save that loses the optimistic
     * lock re-reads the run, and leaves it alone if it already holds a count as low as this one.
     */
    private boolean settleProgress(String runId, int taskNumber) {
        int pending = (int) context.artifacts().steps(runId, taskNumber).stream().filter(TaskStep::pendingFile).count();
        Optional<Run> saved = runs.updateProgress(runId, current -> {
            RunProgress p = current.progress();
            TaskProgress t = p.task();
            if (p.currentTask() + 1 != taskNumber || t.phase() != TaskPhase.STEPS_PLANNED || t.pendingFiles() <= pending && pending > 0) {
                return Optional.empty();
            }
            return Optional.of(p.withTask(t.fileWritten(pending)));
        });
        boolean lastFile = saved.isPresent() && saved.get().progress().task().phase() == TaskPhase.CODE_WRITTEN;
        if (lastFile) {
            runs.event(runId, "CODE_WRITTEN", "task " + taskNumber + ": every file is written",
                    Map.of("agent", AGENT, "task", Integer.toString(taskNumber)));
        }
        return lastFile;
    }
}
