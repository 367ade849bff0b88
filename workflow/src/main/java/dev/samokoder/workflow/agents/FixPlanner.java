package dev.samokoder.workflow.agents;

import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunProgress.TaskPhase;
import dev.samokoder.services.runs.RunProgress.TaskProgress;
import dev.samokoder.services.runs.RunProgress;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.FixIteration;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.runs.artifacts.TaskStep;
import dev.samokoder.services.runs.artifacts.Text;
import dev.samokoder.workflow.answers.PromptTemplate;
import dev.samokoder.workflow.loop.Submission;
import dev.samokoder.workflow.policy.CommandPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fix loop's one round, shared by BugHunter (tests failed), Troubleshooter (a command failed)
 * and ProblemSolver (the same failure came back): with the failed execution's capped output, the
 * earlier iterations and the project map in front of it, the agent reads the code the failure
 * points at, then submits a diagnosis, a plan and the files to change; they are stored as a fix
 * iteration with new SAVE_FILE steps (CodeMonkey edits each), and the task goes back to STEPS_PLANNED.
 *
 * <p>A failure whose hash equals the last one's is not planned again: the task stays FAILED with
 * {@code failureRepeated}, so the Router sends it to ProblemSolver once, and then stops it.
 */
final class FixPlanner {

    /** Which agent runs the round: its name, the situation its prompt starts with, and the iteration kind it records. */
    record Role(String agent, String situation, FixIteration.Kind kind) {
    }

    /** What the round did: the iteration it stored, or none because the failure repeated. */
    record Result(Optional<FixIteration> iteration, boolean failureRepeated, List<TaskStep> steps) {
    }

    private final AgentContext context;
    private final AgentRun runs;
    private final CommandPolicy policy = new CommandPolicy();

    FixPlanner(AgentContext context) {
        this.context = context;
        this.runs = new AgentRun(context);
    }

    Result plan(String runId, Role role, ExecOutcome failure) {
        Run run = runs.run(runId);
        TaskProgress progress = run.progress().task();
        if (progress.phase() != TaskPhase.FAILED) {
            throw new IllegalStateException("run " + runId + ": " + role.agent() + " needs a failed task, the task is " + progress.phase());
        }
        PlannedTask task = runs.currentTask(run);
        String hash = failure.failureHash();
        boolean rethink = role.kind() == FixIteration.Kind.RETHINK;
        List<FixIteration> iterations = context.artifacts().iterations(runId, task.number());
        Optional<FixIteration> seen = iterations.stream()
                .filter(it -> it.number() >= task.fixBudgetFrom() && it.failureHash().equals(hash))
                .reduce((first, later) -> later);
        if (!rethink && seen.isPresent()) {
            repeated(runId, role, task, seen.get(), iterations.getLast().number());
            return new Result(Optional.empty(), true, List.of());
        }
        Architecture architecture = context.artifacts().architecture(runId)
                .orElseThrow(() -> new IllegalStateException("run " + runId + " has no architecture"));
        List<TaskStep> existing = context.artifacts().steps(runId, task.number());
        int lastIteration = iterations.isEmpty() ? 0 : iterations.getLast().number();
        JsonNode answer = runs.ask(run, new AgentRun.Ask(role.agent(), "task " + task.number() + " · iteration " + (lastIteration + 1), "fixer",
                Map.ofEntries(Map.entry("situation", role.situation()),
                        Map.entry("task", PromptTemplate.data(Prompts.task(task))),
                        Map.entry("spec", PromptTemplate.data(Prompts.spec(spec(runId)))),
                        Map.entry("plan", Prompts.plan(context.artifacts().tasks(runId, run.progress().taskCount()), task.number())),
                        Map.entry("architecture", Prompts.architecture(architecture)),
                        Map.entry("steps", Prompts.steps(existing)),
                        Map.entry("command", String.join(" ", failure.command())),
                        Map.entry("exitCode", Integer.toString(failure.exitCode()) + (failure.timedOut() ? " (timed out)" : "")),
                        Map.entry("output", PromptTemplate.data(Text.tail(failure.output(), context.agentLimits().maxExecOutputChars()))),
                        Map.entry("previous", PromptTemplate.data(previous(runId, task, iterations))),
                        Map.entry("map", runs.map(run))),
                context.toolset().reading(runs.files(run)),
                Submission.of("fix-plan", "your diagnosis, the plan, the files to change and, when it must change, the architecture.")
                        .withProblems(fix -> problems(fix, architecture)),
                Map.of("task", Integer.toString(task.number()))));
        List<TaskStep> files = new ArrayList<>();
        for (JsonNode file : answer.path("files")) {
            files.add(TaskStep.saveFile(task.number(), 0, file.path("path").asText(), file.path("instructions").asText()));
        }
        FixIteration iteration = new FixIteration(task.number(), lastIteration + 1, role.kind(), answer.path("diagnosis").asText(),
                answer.path("plan").asText(), hash, failure.execution());
        context.artifacts().addIteration(runId, iteration);
        if (answer.has("architecture")) {
            changeArchitecture(runId, role, task, iteration, architecture, answer.path("architecture"));
        }
        List<TaskStep> stored = context.artifacts().appendSteps(runId, task.number(), existing.size(), files);
        int pending = (int) context.artifacts().steps(runId, task.number()).stream().filter(TaskStep::pendingFile).count();
        runs.updateProgress(runId, current -> {
            RunProgress p = current.progress();
            TaskProgress t = p.task();
            // ProblemSolver has its own bound (once per task), so it does not use up a fix iteration
            return Optional.of(p.withTask(rethink ? t.rethought(pending) : t.fixPlanned(pending)));
        });
        runs.event(runId, "FIX_PLANNED", "task " + task.number() + ", iteration " + iteration.number() + ": " + Text.clip(iteration.diagnosis(), 300),
                Map.of("agent", role.agent(), "task", Integer.toString(task.number()), "iteration", Integer.toString(iteration.number()),
                        "files", Integer.toString(stored.size())));
        return new Result(Optional.of(iteration), false, stored);
    }

    private dev.samokoder.services.runs.artifacts.Spec spec(String runId) {
        return context.artifacts().spec(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " has no spec"));
    }

    /**
     * The failure came back: it matches the failure an earlier iteration of this fix budget
     * addressed. The last one: it failed exactly as before; an older one: the fixes go round in a
     * circle (A, B, A). Either way the task stays FAILED with {@code failureRepeated}, so the Router
     * sends it to ProblemSolver once, and then stops it.
     */
    private void repeated(String runId, Role role, PlannedTask task, FixIteration seen, int lastIteration) {
        runs.updateProgress(runId, current -> Optional.of(current.progress().withTask(current.progress().task().failedAgain())));
        String message = seen.number() == lastIteration
                ? "task " + task.number() + " failed exactly as before iteration " + seen.number()
                : "task " + task.number() + " failed as it did before iteration " + seen.number() + ": the fixes since go round in a circle";
        runs.event(runId, "FAILURE_REPEATED", message, Map.of("agent", role.agent(), "task", Integer.toString(task.number()),
                "matches", Integer.toString(seen.number()), "oscillation", Boolean.toString(seen.number() != lastIteration)));
    }

    /**
     * Every earlier fix iteration of the task, oldest first, with what came of it: what was tried,
     * and whether the failure it addressed came back, so nothing is tried twice.
     */
    private String previous(String runId, PlannedTask task, List<FixIteration> iterations) {
        if (iterations.isEmpty()) {
            return "(none)";
        }
        List<dev.samokoder.services.runs.artifacts.Execution> executions = context.artifacts().executions(runId, task.number());
        StringBuilder out = new StringBuilder();
        for (FixIteration it : iterations) {
            out.append("iteration ").append(it.number()).append(" (").append(it.kind()).append(")")
                    .append(it.number() < task.fixBudgetFrom() ? ", before the run was resumed" : "")
                    .append("\ndiagnosis: ").append(it.diagnosis()).append("\nplan: ").append(it.plan()).append('\n')
                    .append("then: ").append(outcome(it, iterations, executions)).append("\n\n");
        }
        return out.toString().strip();
    }

    /** What the execution after an iteration showed, in a line. */
    private static String outcome(FixIteration it, List<FixIteration> iterations,
                                  List<dev.samokoder.services.runs.artifacts.Execution> executions) {
        Optional<dev.samokoder.services.runs.artifacts.Execution> next = executions.stream()
                .filter(execution -> it.execution() > 0 && execution.number() > it.execution()).findFirst();
        if (next.isEmpty()) {
            return "(not run yet: the failure above is what it led to)";
        }
        var execution = next.get();
        if (execution.passed()) {
            return "the commands and tests passed";
        }
        String signature = new ExecOutcome(execution.failedCommand(), execution.exitCode(), execution.output(), execution.timedOut())
                .failureHash();
        Optional<FixIteration> earlier = iterations.stream()
                .filter(other -> other.number() <= it.number() && other.failureHash().equals(signature)).findFirst();
        Optional<FixIteration> later = iterations.stream()
                .filter(other -> other.number() > it.number() && other.failureHash().equals(signature)).findFirst();
        String same = earlier.map(other -> other.number() == it.number() ? " — the same failure again"
                        : " — the failure iteration " + other.number() + " addressed came back")
                .orElse(" — a new failure" + later.map(other -> ", which iteration " + other.number() + " addressed").orElse(""));
        return Executions.whatFailed(execution) + same;
    }

    /**
     * The fixer's next version of the architecture: the fields it gives replace the current ones,
     * the rest stay (the stack always does). The next execution runs it; the timeline says why.
     */
    private void changeArchitecture(String runId, Role role, PlannedTask task, FixIteration iteration, Architecture current,
                                    JsonNode change) {
        Architecture next = Architect.changed(current, change);
        context.artifacts().putArchitecture(runId, next);
        runs.event(runId, "ARCHITECTURE_CHANGED", "architecture version " + next.version() + ": " + Text.clip(next.reason(), 300),
                Map.of("agent", role.agent(), "task", Integer.toString(task.number()), "iteration", Integer.toString(iteration.number()),
                        "version", Integer.toString(next.version()), "reason", Text.clip(next.reason(), 1_000),
                        "testCommand", String.join(" ", next.testCommand())));
    }

    /** What the schema cannot say of a fix: paths in the workspace, something to do, commands the policy allows. */
    private List<String> problems(JsonNode fix, Architecture architecture) {
        List<String> errors = new ArrayList<>(pathProblems(fix));
        if (fix.path("files").isEmpty() && !fix.has("architecture")) {
            errors.add("the fix changes nothing: list the files to change, or the architecture's next version");
        }
        if (fix.has("architecture")) {
            Architect.refusedCommands(policy, architecture.stack(), fix.path("architecture")).forEach(errors::add);
        }
        return errors;
    }

    static List<String> pathProblems(JsonNode answer) {
        List<String> errors = new ArrayList<>();
        for (JsonNode file : answer.path("files")) {
            String problem = WorkspacePath.problem(file.path("path").asText());
            if (problem != null) {
                errors.add("the path '" + file.path("path").asText() + "' is refused: " + problem);
            }
        }
        return errors;
    }
}
