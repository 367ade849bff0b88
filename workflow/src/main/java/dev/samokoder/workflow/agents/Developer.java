package dev.samokoder.workflow.agents;

import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.models.AgentNames;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.runs.artifacts.Spec;
import dev.samokoder.services.runs.artifacts.TaskStep;
import dev.samokoder.workflow.answers.PromptTemplate;
import dev.samokoder.workflow.loop.Submission;
import dev.samokoder.workflow.policy.CommandPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the current task into steps: files to save and commands to run, reading the project's
 * files where it needs to. Each command passes the
 * policy first. A round with a refused command stores only the refused commands, as failed steps,
 * and leaves the task NEW, so the Developer plans again seeing why (at most
 * {@link AgentLimits#maxPlanRounds()} rounds, then {@link CommandRefusedException}).
 */
public final class Developer {

    public static final String AGENT = AgentNames.DEVELOPER;

    /** The steps stored by this round, and whether the task's files may now be written. */
    public record Output(List<TaskStep> steps, boolean planned) {
    }

    private final AgentContext context;
    private final AgentRun runs;
    private final CommandPolicy policy;

    public Developer(AgentContext context, CommandPolicy policy) {
        this.context = context;
        this.runs = new AgentRun(context);
        this.policy = policy;
    }

    public Output run(String runId) {
        Run run = runs.run(runId);
        PlannedTask task = runs.currentTask(run);
        Spec spec = context.artifacts().spec(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " has no spec"));
        Architecture architecture = context.artifacts().architecture(runId)
                .orElseThrow(() -> new IllegalStateException("run " + runId + " has no architecture"));
        List<TaskStep> existing = context.artifacts().steps(runId, task.number());
        int round = task.planRounds() + 1;
        JsonNode answer = runs.ask(run, new AgentRun.Ask(AGENT, "task " + task.number() + " · round " + round, "developer",
                Map.of("spec", PromptTemplate.data(Prompts.spec(spec)),
                        "architecture", Prompts.architecture(architecture),
                        "testCommand", String.join(" ", architecture.testCommand()),
                        "plan", Prompts.plan(context.artifacts().tasks(runId, run.progress().taskCount()), task.number()),
                        "task", PromptTemplate.data(Prompts.task(task)),
                        "steps", Prompts.steps(existing),
                        "map", runs.map(run)),
                context.toolset().reading(runs.files(run)),
                Submission.of("developer", "the task's steps.").withProblems(Developer::stepProblems),
                Map.of("task", Integer.toString(task.number()))));

        List<TaskStep> proposed = new ArrayList<>();
        List<TaskStep> refused = new ArrayList<>();
        for (JsonNode step : answer.path("steps")) {
            if (step.path("kind").asText().equals("SAVE_FILE")) {
                proposed.add(TaskStep.saveFile(task.number(), 0, step.path("path").asText(), step.path("instructions").asText(),
                        Prompts.strings(step.path("after"))));
            } else {
                List<String> argv = Prompts.strings(step.path("argv"));
                Optional<String> reason = policy.refusal(architecture.stack(), argv);
                if (reason.isPresent()) {
                    refused.add(TaskStep.refusedCommand(task.number(), 0, argv, reason.get()));
                } else {
                    proposed.add(TaskStep.runCommand(task.number(), 0, argv));
                }
            }
        }
        if (!refused.isEmpty()) {
            context.artifacts().appendSteps(runId, task.number(), existing.size(), refused);
            context.artifacts().saveTask(runId, task.withPlanRounds(round));
            String reason = refused.getFirst().failure().orElseThrow();
            runs.event(runId, "COMMAND_REFUSED", refused.size() + " proposed command(s) refused: " + reason,
                    Map.of("agent", AGENT, "task", Integer.toString(task.number()), "round", Integer.toString(round)));
            if (round >= context.agentLimits().maxPlanRounds()) {
                throw new CommandRefusedException(task.number(), round, reason);
            }
            return new Output(refused, false);
        }
        List<TaskStep> stored = context.artifacts().appendSteps(runId, task.number(), existing.size(), proposed);
        context.artifacts().saveTask(runId, task.withPlanRounds(round));
        int pending = (int) context.artifacts().steps(runId, task.number()).stream().filter(TaskStep::pendingFile).count();
        runs.updateProgress(runId, current -> Optional.of(current.progress().withTask(current.progress().task().stepsPlanned(pending))));
        runs.event(runId, "STEPS_PLANNED", "task " + task.number() + ": " + stored.size() + " step(s), " + pending + " file(s) to write",
                Map.of("agent", AGENT, "task", Integer.toString(task.number()), "files", Integer.toString(pending)));
        return new Output(stored, true);
    }

    /** What the schema cannot say: a file step needs a path in the workspace and instructions, a command step its argv. */
    static List<String> stepProblems(JsonNode answer) {
        List<String> errors = new ArrayList<>();
        int number = 0;
        for (JsonNode step : answer.path("steps")) {
            number++;
            if (step.path("kind").asText().equals("SAVE_FILE")) {
                if (!step.hasNonNull("path") || !step.hasNonNull("instructions")) {
                    errors.add("step " + number + " (SAVE_FILE) needs a path and instructions");
                    continue;
                }
                String problem = WorkspacePath.problem(step.path("path").asText());
                if (problem != null) {
                    errors.add("the path '" + step.path("path").asText() + "' of step " + number + " is refused: " + problem);
                }
            } else if (!step.path("argv").isArray() || step.path("argv").isEmpty()) {
                errors.add("step " + number + " (RUN_COMMAND) needs an argv: the command as an argument list");
            }
        }
        return errors;
    }
}
