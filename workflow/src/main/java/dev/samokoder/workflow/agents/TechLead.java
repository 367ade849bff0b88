package dev.samokoder.workflow.agents;

import dev.samokoder.core.models.AgentNames;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.PlannedTask.TaskStatus;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.runs.artifacts.Spec;
import dev.samokoder.workflow.answers.PromptTemplate;
import dev.samokoder.workflow.loop.Submission;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Splits the spec into epics and ordered tasks, each with acceptance tests, reading the project's
 * files where it builds on them; the run starts on task 1.
 */
public final class TechLead {

    public static final String AGENT = AgentNames.TECH_LEAD;

    private final AgentContext context;
    private final AgentRun runs;

    public TechLead(AgentContext context) {
        this.context = context;
        this.runs = new AgentRun(context);
    }

    public List<PlannedTask> run(String runId) {
        Run run = runs.run(runId);
        Spec spec = context.artifacts().spec(runId).orElseThrow(() -> new IllegalStateException("run " + runId + " has no spec"));
        Architecture architecture = context.artifacts().architecture(runId)
                .orElseThrow(() -> new IllegalStateException("run " + runId + " has no architecture"));
        int maxTasks = context.agentLimits().maxTasks();
        JsonNode answer = runs.ask(run, new AgentRun.Ask(AGENT, "plan", "tech-lead",
                Map.of("spec", PromptTemplate.data(Prompts.spec(spec)),
                        "answers", PromptTemplate.data(Prompts.questionsAndAnswers(context.artifacts().questions(runId))),
                        "architecture", Prompts.architecture(architecture),
                        "maxTasks", Integer.toString(maxTasks),
                        "kind", Prompts.kind(run, context.artifacts().appSpec(run.projectId()).isPresent(), false),
                        "map", runs.map(run)),
                context.toolset().reading(runs.files(run)),
                Submission.of("tech-lead", "the plan's tasks in order.").withProblems(tasks -> tasks.path("tasks").size() > maxTasks
                        ? List.of("the plan has " + tasks.path("tasks").size() + " tasks; at most " + maxTasks + " are allowed")
                        : List.of()),
                Map.of()));
        List<PlannedTask> tasks = new ArrayList<>();
        for (JsonNode task : answer.path("tasks")) {
            tasks.add(new PlannedTask(tasks.size() + 1, task.path("epic").asText(), task.path("title").asText(),
                    task.path("description").asText(), Prompts.strings(task.path("acceptanceTests")), TaskStatus.PLANNED, 0,
                    1, 1));
        }
        context.artifacts().putTasks(runId, tasks);
        runs.updateProgress(runId, current -> Optional.of(current.progress().planned(tasks.size())));
        runs.event(runId, "PLAN_WRITTEN", tasks.size() + " task(s) planned", Map.of("agent", AGENT, "tasks", Integer.toString(tasks.size())));
        return tasks;
    }
}
