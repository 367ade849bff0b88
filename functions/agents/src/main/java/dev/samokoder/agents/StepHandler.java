package dev.samokoder.agents;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.services.runs.RouteStep;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.artifacts.Execution;
import dev.samokoder.services.runs.artifacts.FixIteration;
import dev.samokoder.workflow.agents.AgentContext;
import dev.samokoder.workflow.agents.Architect;
import dev.samokoder.workflow.agents.BugHunter;
import dev.samokoder.workflow.agents.CodeMonkey;
import dev.samokoder.workflow.agents.Developer;
import dev.samokoder.workflow.agents.ExecOutcome;
import dev.samokoder.workflow.agents.Executions;
import dev.samokoder.workflow.agents.ProblemSolver;
import dev.samokoder.workflow.agents.SpecWriter;
import dev.samokoder.workflow.agents.TechLead;
import dev.samokoder.workflow.agents.TechnicalWriter;
import dev.samokoder.workflow.agents.Troubleshooter;
import dev.samokoder.workflow.loop.Deadline;
import dev.samokoder.workflow.loop.StepYieldedException;
import dev.samokoder.workflow.policy.CommandPolicy;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.MDC;

/**
 * The Lambda behind one state of the generation workflow. Every such function runs this class;
 * which step it is comes from {@code SAMOKODER_STEP} (set per function by CDK), so each agent
 * is its own function in the execution history without a class per agent. The state machine's
 * payload is {@code {"runId": ...}}, plus {@code "file": {"task", "step"}} for CodeMonkey.
 * Failures are thrown as named exceptions for the ASL's Retry/Catch; the return value is plain
 * maps and lists, which every Lambda serializer handles.
 */
public final class StepHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** The workflow functions this handler serves, by the value of {@code SAMOKODER_STEP}. */
    public enum WorkflowFunction {
        ROUTE, SPEC_WRITER, ASK_USER, ARCHITECT, TECH_LEAD, DEVELOPER, CODE_MONKEY, PREPARE_EXECUTION, JUDGE_EXECUTION,
        BUG_HUNTER, TROUBLESHOOTER, PROBLEM_SOLVER, COMPLETE_TASK, TECHNICAL_WRITER, FINALIZE, PAUSE_FOR_BUDGET, RUN_FAILED
    }

    private final WorkflowFunction function;
    private final AgentServices services;

    public StepHandler() {
        this(WorkflowFunction.valueOf(System.getenv().getOrDefault("SAMOKODER_STEP", "").toUpperCase(Locale.ROOT)),
                AgentServices.fromEnv());
    }

    public StepHandler(WorkflowFunction function, AgentServices services) {
        this.function = function;
        this.services = services;
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> payload, Context context) {
        String runId = runId(payload);
        MDC.put("runId", runId);
        MDC.put("agent", function.name());
        AgentContext agents = services.context().withDeadline(deadline(context));
        try {
            return step(runId, payload, agents);
        } catch (StepYieldedException yielded) {
            // not a failure: the step saved its place; Route sends the run back to it in a new invocation
            services.context().events().append(runId, "STEP_YIELDED", "paused after " + yielded.rounds()
                    + " model call(s), to continue in a new invocation", Map.of("agent", yielded.agent(), "rounds", Integer.toString(yielded.rounds())));
            return Map.of("done", "yielded", "yielded", true);
        } finally {
            MDC.clear();
        }
    }

    /**
     * The invocation's deadline: the Lambda's remaining time on AWS; locally (no context, or one
     * that knows no end) the configured time slice.
     */
    private Deadline deadline(Context context) {
        Duration remaining = context != null && context.getRemainingTimeInMillis() > 0
                ? Duration.ofMillis(context.getRemainingTimeInMillis())
                : services.timeSlice();
        return Deadline.after(services.clock(), remaining, services.callTime());
    }

    private Map<String, Object> step(String runId, Map<String, Object> payload, AgentContext agents) {
        return switch (function) {
            case ROUTE -> route(runId);
            case SPEC_WRITER -> done(new SpecWriter(agents).run(runId).questions().size() + " question(s)");
            case ARCHITECT -> done(new Architect(agents, new CommandPolicy()).run(runId).stack().name());
            case TECH_LEAD -> done(new TechLead(agents).run(runId).size() + " task(s)");
            case DEVELOPER -> done(new Developer(agents, new CommandPolicy()).run(runId).steps().size() + " step(s)");
            case CODE_MONKEY -> done(new CodeMonkey(agents).run(runId, file(payload)).path());
            case TECHNICAL_WRITER -> done(new TechnicalWriter(agents).run(runId).length() + " characters");
            case ASK_USER -> done(services.lifecycle().awaitAnswers(runId, token(payload)).status().name());
            case PAUSE_FOR_BUDGET -> done(services.lifecycle().pauseForBudget(runId, token(payload), cause(payload)).status().name());
            case PREPARE_EXECUTION -> prepare(runId);
            case JUDGE_EXECUTION -> done(judge(runId, payload) ? "passed" : "failed");
            case BUG_HUNTER -> done(fixed(new BugHunter(agents).run(runId, lastFailure(runId))));
            case TROUBLESHOOTER -> done(fixed(new Troubleshooter(agents).run(runId, lastFailure(runId))));
            case PROBLEM_SOLVER -> done(fixed(new ProblemSolver(agents).run(runId, lastFailure(runId))));
            case COMPLETE_TASK -> done("task " + services.lifecycle().completeTask(runId).progress().currentTask() + " done");
            case FINALIZE -> done(services.lifecycle().succeed(runId).status().name());
            case RUN_FAILED -> done(services.lifecycle().fail(runId, error(payload), cause(payload)).status().name());
        };
    }

    private Map<String, Object> route(String runId) {
        RouteStep.Output output = services.route().run(runId);
        List<Map<String, Object>> files = output.files().stream()
                .map(file -> Map.<String, Object>of("task", file.task(), "step", file.step()))
                .toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("step", output.step());
        answer.put("reason", output.reason());
        answer.put("files", files);
        return answer;
    }

    private Map<String, Object> prepare(String runId) {
        Executions.Prepared prepared = services.executions().prepare(runId);
        return Map.of("requestKey", prepared.requestKey(), "sandboxRunId", prepared.sandboxRunId(),
                "timeLimitSeconds", prepared.timeLimitSeconds(), "network", prepared.network());
    }

    /**
     * The Executor's outcome: {@code execution.requestKey}, plus {@code execution.error} when the
     * sandbox task failed (its cause says why, e.g. the runner could not start).
     */
    private boolean judge(String runId, Map<String, Object> payload) {
        if (!(payload.get("execution") instanceof Map<?, ?> execution) || !(execution.get("requestKey") instanceof String key)) {
            throw new IllegalArgumentException("the payload needs execution.requestKey");
        }
        Optional<String> taskFailure = execution.get("error") instanceof Map<?, ?> error && error.get("Cause") instanceof String cause
                ? Optional.of(cause) : Optional.empty();
        return services.executions().judge(runId, key, taskFailure).passed();
    }

    /** The current task's last execution, which failed: what the fix agents work from. */
    private ExecOutcome lastFailure(String runId) {
        Run run = services.context().runs().get(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
        int task = run.progress().currentTask() + 1;
        Execution last = services.context().artifacts().executions(runId, task).stream().reduce((a, b) -> b)
                .filter(execution -> !execution.passed())
                .orElseThrow(() -> new IllegalStateException("run " + runId + ": task " + task + " has no failed execution"));
        return new ExecOutcome(last.failedCommand(), last.exitCode(), last.output(), last.timedOut(), last.number());
    }

    private static String fixed(Optional<FixIteration> iteration) {
        return iteration.map(it -> "iteration " + it.number() + " planned").orElse("the failure repeated");
    }

    private static String token(Map<String, Object> payload) {
        return string(payload, "taskToken");
    }

    private static String string(Map<String, Object> payload, String field) {
        if (!(payload.get(field) instanceof String value) || value.isBlank() || value.length() > 8_192) {
            throw new IllegalArgumentException("the payload needs " + field);
        }
        return value;
    }

    /** The state machine's error ({@code {"Error": ..., "Cause": ...}}) from a Catch's ResultPath. */
    private static String error(Map<String, Object> payload) {
        return payload.get("error") instanceof Map<?, ?> error && error.get("Error") instanceof String name ? name : "States.Unknown";
    }

    private static String cause(Map<String, Object> payload) {
        return payload.get("error") instanceof Map<?, ?> error && error.get("Cause") instanceof String cause ? cause : "";
    }

    private static Map<String, Object> done(String summary) {
        return Map.of("done", summary);
    }

    private static String runId(Map<String, Object> payload) {
        Object runId = payload == null ? null : payload.get("runId");
        if (!(runId instanceof String id) || !Ids.isValid(Run.ID_PREFIX, id)) {
            throw new IllegalArgumentException("the payload needs a run id, got " + runId);
        }
        return id;
    }

    private static CodeMonkey.FileStep file(Map<String, Object> payload) {
        if (!(payload.get("file") instanceof Map<?, ?> file) || !(file.get("task") instanceof Number task)
                || !(file.get("step") instanceof Number step)) {
            throw new IllegalArgumentException("CodeMonkey's payload needs file.task and file.step");
        }
        return new CodeMonkey.FileStep(task.intValue(), step.intValue());
    }
}
