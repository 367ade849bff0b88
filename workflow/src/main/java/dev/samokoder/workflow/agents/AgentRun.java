package dev.samokoder.workflow.agents;

import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.OptimisticRetry.Contention;
import dev.samokoder.core.storage.VersionConflictException;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunProgress;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.workflow.answers.PromptTemplate;
import dev.samokoder.workflow.loop.AgentTool;
import dev.samokoder.workflow.loop.Submission;
import dev.samokoder.workflow.loop.ToolLoop;
import dev.samokoder.workflow.loop.ToolOutcome;
import dev.samokoder.workflow.tools.ProjectFiles;
import dev.samokoder.workflow.tools.ProjectMap;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The run-level chores every agent shares: read the run and its current task, build the model
 * call's scope, run a step's tool loop (its tool calls going to the timeline), change the run's
 * progress under optimistic locking, and log to the timeline.
 */
public final class AgentRun {

    private static final Map<String, PromptTemplate> PROMPTS = new ConcurrentHashMap<>();
    private static final String EMPTY_WORKSPACE = SnapshotStore.emptyContentHash();

    /**
     * One step for the loop: the agent, the step's name (tasks and files in it, so a replay finds
     * it), its prompt and tools, what its tool calls' events carry, and the facts it starts with.
     */
    public record Ask(String agent, String step, String prompt, Map<String, String> slots, List<AgentTool> tools, Submission submission,
                      Map<String, String> eventData, Map<String, String> facts) {

        public Ask(String agent, String step, String prompt, Map<String, String> slots, List<AgentTool> tools, Submission submission,
                   Map<String, String> eventData) {
            this(agent, step, prompt, slots, tools, submission, eventData, Map.of());
        }
    }

    private final AgentContext context;
    /** The run's writers' retries: conflicting writers of one run are at most the Map's parallel CodeMonkeys, with the API. */
    private final OptimisticRetry runRetry;

    public AgentRun(AgentContext context) {
        this.context = context;
        this.runRetry = new OptimisticRetry(context.runs().conflictRetry());
    }

    public Run run(String runId) {
        return context.runs().get(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
    }

    /** The scope a call of this run is recorded and budgeted under: the project's owner pays, its budget applies. */
    public CallScope scope(Run run, String agent) {
        return context.projects().get(run.projectId())
                .map(project -> CallScope.forProject(run.id(), project, agent))
                .orElseGet(() -> CallScope.of(run.id(), run.projectId(), run.userId(), agent));
    }

    /** The task the run is on (numbered from 1; {@link RunProgress#currentTask()} counts from 0). */
    public PlannedTask currentTask(Run run) {
        int number = run.progress().currentTask() + 1;
        return context.artifacts().task(run.id(), number)
                .orElseThrow(() -> new IllegalStateException("run " + run.id() + " has no task " + number));
    }

    public ProjectFiles files(Run run) {
        return new ProjectFiles(context.files(), context.blobs(), run.projectId(), context.conflictRetry());
    }

    /** The project map as a prompt shows it. */
    public String map(Run run) {
        return PromptTemplate.data(ProjectMap.render(files(run)));
    }

    /**
     * Runs the agent's step: its prompt (resource {@code prompts/<prompt>.txt}) with the system
     * prompt, its tools and its submit, in the run's loop; each tool call goes to the timeline.
     *
     * @return the accepted answer
     */
    public JsonNode ask(Run run, Ask ask) {
        return ask(run, scope(run, ask.agent()), ask);
    }

    /** {@link #ask(Run, Ask)} under a scope the caller already has (its agent is the ask's). */
    public JsonNode ask(Run run, CallScope scope, Ask ask) {
        if (!scope.agent().equals(ask.agent()) || !scope.runId().equals(run.id())) {
            throw new IllegalArgumentException("the scope is " + scope.agent() + "'s in run " + scope.runId() + ", the ask "
                    + ask.agent() + "'s in run " + run.id());
        }
        String system = PROMPTS.computeIfAbsent("system", PromptTemplate::load).render(Map.of("agent", ask.agent()));
        String prompt = PROMPTS.computeIfAbsent(ask.prompt(), PromptTemplate::load).render(ask.slots());
        ToolLoop.ToolEvents events = (tool, outcome) -> toolEvent(run.id(), ask, tool, outcome);
        return context.loop().run(new ToolLoop.Step(scope, stepName(run, ask.step()), system, prompt, ask.tools(),
                ask.submission(), context.deadline(), events, ask.facts()));
    }

    /**
     * A step's name as the loop, its checkpoint and a replay know it: for a run that started from
     * files (a change request on an app), prefixed with the content hash of those files, so two runs
     * of one project do not share names ({@code on 3fa9c2d1 · task 1 · step 2 · src/server.js});
     * the same files give the same prefix, so a recording replays.
     */
    static String stepName(Run run, String step) {
        return stepName(run.control().baseline(), step);
    }

    /** {@link #stepName(Run, String)} for a run whose baseline is the snapshot {@code baselineKey}. */
    public static String stepName(String baselineKey, String step) {
        String baseline = SnapshotStore.contentHash(baselineKey);
        return baseline.equals(EMPTY_WORKSPACE) ? step : "on " + baseline.substring(0, 8) + " · " + step;
    }

    private void toolEvent(String runId, Ask ask, String tool, ToolOutcome outcome) {
        Map<String, String> data = new LinkedHashMap<>(ask.eventData());
        data.put("agent", ask.agent());
        data.put("tool", tool);
        data.put("step", ask.step());
        outcome.path().ifPresent(path -> data.put("path", path));
        data.put("ok", Boolean.toString(!outcome.error()));
        if (outcome.changed()) {
            data.put("changed", "true");
        }
        data.putAll(outcome.facts());
        String message = outcome.activity().orElse(tool + " refused: " + outcome.summary().replaceFirst("^error: ", ""));
        event(runId, "TOOL_CALL", message, data);
    }

    /**
     * Applies {@code change} to the latest run until the save wins (each retry re-reads); {@code change}
     * answers empty when there is nothing to do (another writer got there first).
     *
     * @return the saved run, or empty when nothing changed
     */
    public Optional<Run> updateProgress(String runId, Function<Run, Optional<RunProgress>> change) {
        return runRetry.get(attempt -> {
            Run current = run(runId);
            Optional<RunProgress> next = change.apply(current);
            if (next.isEmpty() || next.get().equals(current.progress())) {
                return Optional.empty();
            }
            return Optional.of(context.runs().save(current.withProgress(next.get())));
        }, Contention::rethrow, VersionConflictException.class);
    }

    public void event(String runId, String type, String message, Map<String, String> data) {
        context.events().append(runId, type, message, data);
    }
}
