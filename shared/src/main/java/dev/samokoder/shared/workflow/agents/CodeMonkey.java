package dev.samokoder.shared.workflow.agents;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.shared.domain.WorkspacePath;
import dev.samokoder.shared.storage.VersionConflictException;
import dev.samokoder.shared.workflow.Run;
import dev.samokoder.shared.workflow.RunProgress;
import dev.samokoder.shared.workflow.RunProgress.TaskPhase;
import dev.samokoder.shared.workflow.RunProgress.TaskProgress;
import dev.samokoder.shared.workflow.agents.answers.PromptTemplate;
import dev.samokoder.shared.workflow.agents.artifacts.PlannedTask;
import dev.samokoder.shared.workflow.agents.artifacts.TaskStep;
import dev.samokoder.shared.workflow.agents.artifacts.TaskStep.StepStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes one file of a step: generates the content, reviews its own diff, and tries again with the
 * review's problems, at most {@link dev.samokoder.shared.workflow.WorkflowLimits#maxCodingAttempts()}
 * times (the last version is kept: the task's tests are the judge). Then it writes the blob and
 * the file index entry and marks the step DONE.
 *
 * <p>The state machine runs one CodeMonkey per file in parallel. Each counts the pending files
 * from the task's step items after marking its own step DONE, and saves the run under optimistic
 * locking, re-reading on a conflict; so the last writer sees zero pending, and the phase moves to
 * CODE_WRITTEN exactly once.
 */
public final class CodeMonkey {

    public static final String AGENT = "CodeMonkey";
    /** Reviews run under their own agent name, so their calls are counted and priced apart. */
    public static final String REVIEW_AGENT = "CodeMonkeyReview";

    /** The file step this CodeMonkey writes: one item of the list Route hands the Map. */
    public record FileStep(int task, int step) {
    }

    /** What was written, and whether this write moved the task to CODE_WRITTEN. */
    public record Output(String path, int attempts, boolean approved, boolean lastFile) {
    }

    private final AgentContext context;
    private final AgentRun runs;
    private final WorkspaceWriter workspace;

    public CodeMonkey(AgentContext context) {
        this.context = context;
        this.runs = new AgentRun(context);
        this.workspace = new WorkspaceWriter(context);
    }

    public Output run(String runId, FileStep file) {
        TaskStep step = context.artifacts().step(runId, file.task(), file.step())
                .orElseThrow(() -> new IllegalStateException("run " + runId + " has no step " + file));
        if (step.kind() != TaskStep.StepKind.SAVE_FILE) {
            throw new IllegalArgumentException("step " + file + " of run " + runId + " does not save a file");
        }
        WorkspacePath path = WorkspacePath.of(step.path().orElseThrow());
        if (step.status() != StepStatus.PENDING) {
            // a retried invocation: the file is written; only the run's progress may be behind
            return new Output(path.value(), 0, true, settleProgress(runId, file.task()));
        }
        Run run = runs.run(runId);
        PlannedTask task = context.artifacts().task(runId, file.task())
                .orElseThrow(() -> new IllegalStateException("run " + runId + " has no task " + file.task()));
        int maxChars = context.agentLimits().maxFileChars();
        String before = workspace.read(run.projectId(), path).map(text -> Text.clip(text, maxChars)).orElse("");
        String content = before;
        String review = "(none yet)";
        boolean approved = false;
        int attempts = 0;
        while (!approved && attempts < context.limits().maxCodingAttempts()) {
            attempts++;
            JsonNode written = context.answers().ask(runs.scope(run, AGENT), "code-monkey",
                    Map.of("task", PromptTemplate.data(Prompts.task(task)),
                            "path", path.value(),
                            "instructions", PromptTemplate.data(step.instructions()),
                            "current", PromptTemplate.data(before.isEmpty() ? "(the file does not exist yet)" : before),
                            "review", PromptTemplate.data(review),
                            "maxChars", Integer.toString(maxChars)),
                    answer -> answer.path("content").asText().length() > maxChars
                            ? List.of("content is longer than " + maxChars + " characters")
                            : List.of());
            content = written.path("content").asText();
            JsonNode verdict = context.answers().ask(runs.scope(run, REVIEW_AGENT), "code-review",
                    Map.of("task", PromptTemplate.data(Prompts.task(task)),
                            "path", path.value(),
                            "instructions", PromptTemplate.data(step.instructions()),
                            "diff", PromptTemplate.data(LineDiff.of(before, content, context.agentLimits().maxTextChars()))));
            approved = verdict.path("approved").asBoolean();
            review = String.join("\n", Prompts.strings(verdict.path("problems")));
        }
        workspace.write(run.projectId(), path, content);
        markDone(runId, step);
        runs.event(runId, "FILE_WRITTEN", path.value() + " written in " + attempts + " attempt(s)" + (approved ? "" : ", review not satisfied"),
                Map.of("agent", AGENT, "task", Integer.toString(file.task()), "path", path.value(),
                        "attempts", Integer.toString(attempts), "approved", Boolean.toString(approved)));
        return new Output(path.value(), attempts, approved, settleProgress(runId, file.task()));
    }

    private void markDone(String runId, TaskStep step) {
        TaskStep current = step;
        for (int attempt = 1; current.status() == StepStatus.PENDING; attempt++) {
            try {
                context.artifacts().saveStep(runId, current.done());
                return;
            } catch (VersionConflictException conflict) {
                if (attempt >= AgentRun.MAX_CONFLICT_RETRIES) {
                    throw conflict;
                }
                current = context.artifacts().step(runId, step.task(), step.number()).orElseThrow();
            }
        }
    }

    /** Recounts the task's pending files into the run; true when this call moved the task to CODE_WRITTEN. */
    private boolean settleProgress(String runId, int taskNumber) {
        Optional<Run> saved = runs.updateProgress(runId, current -> {
            RunProgress p = current.progress();
            TaskProgress t = p.task();
            if (p.currentTask() + 1 != taskNumber || t.phase() != TaskPhase.STEPS_PLANNED) {
                return Optional.empty();
            }
            int pending = (int) context.artifacts().steps(runId, taskNumber).stream().filter(TaskStep::pendingFile).count();
            TaskPhase phase = pending == 0 ? TaskPhase.CODE_WRITTEN : TaskPhase.STEPS_PLANNED;
            return Optional.of(Progress.withTask(p, new TaskProgress(phase, pending, t.fixIterations(), t.lastFailure(),
                    t.failureRepeated(), t.problemSolverUsed())));
        });
        boolean lastFile = saved.isPresent() && saved.get().progress().task().phase() == TaskPhase.CODE_WRITTEN;
        if (lastFile) {
            runs.event(runId, "CODE_WRITTEN", "task " + taskNumber + ": every file is written",
                    Map.of("agent", AGENT, "task", Integer.toString(taskNumber)));
        }
        return lastFile;
    }
}
