package dev.samokoder.workflow.agents;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.http.Json;
import dev.samokoder.sandbox.ExecutionScript;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunResult;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.services.billing.UsageMeter;
import dev.samokoder.services.runs.Run;
import dev.samokoder.services.runs.RunProgress.FailureKind;
import dev.samokoder.services.runs.RunProgress.TaskPhase;
import dev.samokoder.services.runs.RunProgress.TaskProgress;
import dev.samokoder.services.runs.RunProgress;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.Execution;
import dev.samokoder.services.runs.artifacts.PlannedTask;
import dev.samokoder.services.runs.artifacts.Stack;
import dev.samokoder.services.runs.artifacts.TaskStep;
import dev.samokoder.services.runs.artifacts.Text;
import dev.samokoder.services.workspace.WorkspaceSnapshots;
import dev.samokoder.workflow.policy.CommandPolicy;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Executor's two Lambda halves around the sandbox task: {@link #prepare} snapshots the
 * workspace and writes the run request for the current task's commands and the app's tests;
 * {@link #judge} reads the sandbox's result, writes the kept file changes back into the
 * workspace, records the execution, and marks the task passed or failed (tests or a command).
 */
public final class Executions {

    public static final String AGENT = "Executor";

    /**
     * @param timeLimitSeconds the wall-clock limit of one execution (all of a task's commands)
     */
    public record Settings(int timeLimitSeconds) {
        public Settings {
            if (timeLimitSeconds < 1) {
                throw new IllegalArgumentException("the execution time limit must be positive");
            }
        }
    }

    private final AgentContext context;
    private final AgentRun runs;
    private final RunStore sandboxRuns;
    private final WorkspaceSnapshots snapshots;
    private final Settings settings;
    private final UsageMeter usage;
    private final Clock clock;

    public Executions(AgentContext context, RunStore sandboxRuns, WorkspaceSnapshots snapshots, Settings settings, UsageMeter usage,
                      Clock clock) {
        this.context = context;
        this.usage = usage;
        this.runs = new AgentRun(context);
        this.sandboxRuns = sandboxRuns;
        this.snapshots = snapshots;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What the Executor state needs: the request's S3 key, the id and limit it tags the task with
     * (for the reaper), and whether the run has an install phase that reaches the package registries.
     */
    public record Prepared(String requestKey, String sandboxRunId, int timeLimitSeconds, boolean allowRegistries) {

        /** The task's network as the state machine picks its security group: 0 isolated, 1 with the registries. */
        public int network() {
            return allowRegistries ? 1 : 0;
        }
    }

    public Prepared prepare(String runId) {
        Run run = runs.run(runId);
        PlannedTask task = runs.currentTask(run);
        Architecture architecture = context.artifacts().architecture(runId)
                .orElseThrow(() -> new IllegalStateException("run " + runId + " has no architecture"));
        // the architecture's steps up to its last install step run first, in a script of their own that reaches the
        // package registries (and nothing else of the network); everything after them runs with no network at all
        List<ExecutionScript.Command> installs = new ArrayList<>(architecture.registryPhase().stream().map(Architecture.InstallStep::command).toList());
        List<ExecutionScript.Command> commands = new ArrayList<>(architecture.afterInstalls().stream().map(Architecture.InstallStep::command).toList());
        // the plan's last task, once its tests passed, gets an execution of its own that builds the app (the whole app is
        // there only now), starts it and probes it: the installs again (dependencies are never kept), then those
        boolean probing = run.progress().task().phase() == TaskPhase.TESTED;
        for (TaskStep step : context.artifacts().steps(runId, task.number())) {
            if (step.kind() == TaskStep.StepKind.RUN_COMMAND && step.status() != TaskStep.StepStatus.FAILED
                    && !step.argv().equals(architecture.testCommand())) {
                // a Developer's `npm install x` is an install by its shape: it runs with the architecture's installs; its
                // other commands ran in the tests' execution, whose kept files the probe's execution starts from
                boolean install = CommandPolicy.installs(step.argv());
                if (install || !probing) {
                    (install ? installs : commands).add(new ExecutionScript.Command(install ? ExecutionScript.INSTALL
                            : ExecutionScript.COMMAND, step.argv()));
                }
            }
        }
        if (probing) {
            if (!architecture.buildCommand().isEmpty()) {
                commands.add(new ExecutionScript.Command(ExecutionScript.COMMAND, architecture.buildCommand()));
            }
            if (servesHttp(architecture)) {
                commands.add(ExecutionScript.start(architecture.startCommand(), new ExecutionScript.Probe(architecture.port(),
                        architecture.probePath(), architecture.stack() == Stack.PYTHON, PROBE_SECONDS)));
            }
        } else if (!architecture.testCommand().isEmpty()) {
            commands.add(new ExecutionScript.Command(ExecutionScript.TESTS, architecture.testCommand()));
        }
        int count = installs.size() + commands.size();
        String install = installs.isEmpty() ? null : ExecutionScript.of(installs, 1, count);
        String script = commands.isEmpty() ? "true" : ExecutionScript.of(commands, installs.size() + 1, count);
        String snapshot = snapshots.take(run.projectId());
        RunRequest request = new RunRequest(Ids.newId("sbx"), runId, run.projectId(), snapshot,
                List.of(script), true, "", Map.of("CI", "true"), settings.timeLimitSeconds(), false, null, install);
        String key = sandboxRuns.putRequest(request);
        runs.event(runId, "EXECUTION_STARTED", "task " + task.number() + ": " + (probing ? "building, starting and probing the app: " : "")
                        + "running " + count + " command(s) in the sandbox"
                        + (installs.isEmpty() ? "" : ", the first " + installs.size() + " with the package registries"),
                Map.of("agent", AGENT, "task", Integer.toString(task.number()), "sandboxRunId", request.id(),
                        "commands", Integer.toString(count)));
        return new Prepared(key, request.id(), request.timeLimitSeconds(), request.reachesRegistries());
    }

    /**
     * Judges the sandbox run of {@code requestKey}; a sandbox that left no result failed as a command.
     *
     * @param taskFailure why the sandbox task failed, when it did (the ECS task's stop reason)
     */
    public Execution judge(String runId, String requestKey, Optional<String> taskFailure) {
        Run run = runs.run(runId);
        PlannedTask task = runs.currentTask(run);
        RunRequest request = sandboxRuns.getRequest(requestKey);
        if (!request.runId().equals(runId)) {
            throw new IllegalArgumentException("sandbox request " + request.id() + " belongs to another run");
        }
        List<Execution> earlier = context.artifacts().executions(runId, task.number());
        Optional<Execution> judged = earlier.stream().filter(e -> e.sandboxRunId().equals(request.id())).findFirst();
        if (judged.isPresent()) {
            return judged.get(); // a retried step: the first judgement stands
        }
        Optional<RunResult> result = sandboxRuns.getResult(request.id());
        Execution execution = result.map(r -> judge(task.number(), earlier.size() + 1, r))
                .orElseGet(() -> new Execution(task.number(), earlier.size() + 1, request.id(), false, List.of("(sandbox)"),
                        FailureKind.COMMAND.name(), -1, false, 0,
                        "the sandbox task stopped without a result: " + taskFailure.map(cause -> Text.clip(stoppedReason(cause), 2_000))
                                .orElse("(no reason given)"), 0, clock.instant()));
        result.ifPresent(r -> snapshots.apply(run.projectId(), r.changes()));
        context.artifacts().putExecution(runId, execution);
        if (result.isPresent()) { // the sandbox's time, in started seconds, on the user's usage of the month
            usage.recordSandboxSeconds(run.userId(), run.projectId(), (result.get().durationMillis() + 999) / 1_000);
        }
        FailureKind kind = FailureKind.valueOf(execution.failure());
        boolean probed = run.progress().task().phase() == TaskPhase.TESTED;
        // the last task's tests passed: the app is built, started and probed next, in an execution of its own
        boolean probeNext = execution.passed() && !probed && task.number() >= run.progress().taskCount()
                && context.artifacts().architecture(runId).map(Executions::startsApp).orElse(false);
        runs.updateProgress(runId, current -> {
            RunProgress p = current.progress();
            TaskProgress t = p.task();
            if (p.currentTask() != task.number() - 1 || (t.phase() != TaskPhase.CODE_WRITTEN && t.phase() != TaskPhase.STEPS_PLANNED
                    && t.phase() != TaskPhase.TESTED)) {
                return Optional.empty();
            }
            TaskPhase next = !execution.passed() ? TaskPhase.FAILED : probeNext ? TaskPhase.TESTED : TaskPhase.PASSED;
            return Optional.of(p.withTask(t.executed(next, kind)));
        });
        String passed = probed ? "the app built, started and answered its probe"
                : probeNext ? "every command and test passed; next the app is built, started and probed"
                : "every command and test passed";
        runs.event(runId, execution.passed() ? "EXECUTION_PASSED" : "EXECUTION_FAILED", execution.passed()
                        ? "task " + task.number() + ": " + passed
                        : "task " + task.number() + ": " + whatFailed(execution)
                                + (execution.exitCode() < 0 ? ": " + Text.clip(execution.output(), 500) : ""),
                Map.of("agent", AGENT, "task", Integer.toString(task.number()), "execution", Integer.toString(execution.number()),
                        "exitCode", Integer.toString(execution.exitCode()), "durationMillis", Long.toString(execution.durationMillis()),
                        "failure", execution.failure(), "filesChanged", Integer.toString(execution.filesChanged())));
        return execution;
    }

    /** Whether the app has anything to do once its tests passed: a build, or a start and probe. */
    static boolean startsApp(Architecture architecture) {
        return !architecture.buildCommand().isEmpty() || servesHttp(architecture);
    }

    private static boolean servesHttp(Architecture architecture) {
        return architecture.port() > 0 && !architecture.startCommand().isEmpty();
    }

    /** What failed in an execution, in a line: {@code npm test failed with exit code 1}, or ran no tests, or timed out. */
    static String whatFailed(Execution execution) {
        return String.join(" ", execution.failedCommand())
                + (execution.exitCode() == 0 ? " ran no tests" : " failed with exit code " + execution.exitCode())
                + (execution.timedOut() ? " (timed out)" : "");
    }

    private Execution judge(int task, int number, RunResult result) {
        String output = tail(result);
        boolean limitHit = result.limitsHit().time() || result.limitsHit().memory() || result.limitsHit().output()
                || result.limitsHit().processes() || result.stoppedByReaper();
        boolean passed = result.exitCode() == 0 && !limitHit;
        Optional<ExecutionScript.Stop> stop = ExecutionScript.lastStarted(result.stderr().text());
        Optional<ExecutionScript.Stop> tests = ExecutionScript.lastStarted(result.stderr().text(), ExecutionScript.TESTS);
        if (passed && tests.isPresent() && ranNoTests(result)) {
            // a test command that ran nothing proves nothing: the task fails, and the fixers are told why
            return new Execution(task, number, result.id(), false, List.of(tests.get().command()), FailureKind.TESTS.name(), 0, false,
                    result.durationMillis(), output + "\n--- samokoder: " + NO_TESTS, result.changes().size(), clock.instant());
        }
        if (passed) {
            return new Execution(task, number, result.id(), true, List.of(), FailureKind.NONE.name(), 0, false, result.durationMillis(),
                    output, result.changes().size(), clock.instant());
        }
        FailureKind kind = stop.map(s -> s.label().equals(ExecutionScript.TESTS) ? FailureKind.TESTS : FailureKind.COMMAND)
                .orElse(FailureKind.COMMAND);
        List<String> command = stop.map(s -> List.of(s.command())).orElse(List.of("(the task's commands)"));
        return new Execution(task, number, result.id(), false, command, kind.name(), result.exitCode(), result.limitsHit().time(),
                result.durationMillis(), output + limitsNote(result), result.changes().size(), clock.instant());
    }

    /** How long a started app has to answer its probe path. */
    static final int PROBE_SECONDS = 30;

    static final String NO_TESTS = "the test command exited 0 but ran no tests (its summary says 0): a task passes only when "
            + "at least one test runs; write the task's acceptance tests where the test command finds them";

    /** Whether the test command's summary (on stdout, else stderr) says it ran none; false when there is no summary to read. */
    private static boolean ranNoTests(RunResult result) {
        java.util.OptionalInt ran = TestCounts.ran(result.stdout().text());
        if (ran.isEmpty()) {
            ran = TestCounts.ran(result.stderr().text());
        }
        return ran.isPresent() && ran.getAsInt() == 0;
    }

    /** ECS reports a failed task as the task's JSON; its StoppedReason is what a person needs. */
    private static String stoppedReason(String cause) {
        try {
            JsonNode task = Json.mapper().readTree(cause);
            if (task != null && task.hasNonNull("StoppedReason")) {
                return task.get("StoppedReason").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // a plain message
        }
        return cause;
    }

    private static String tail(RunResult result) {
        String out = result.stdout().text();
        String err = result.stderr().text();
        return (out.isEmpty() ? "" : "--- stdout" + (result.stdout().truncated() ? " (tail)" : "") + "\n" + out + "\n")
                + (err.isEmpty() ? "" : "--- stderr" + (result.stderr().truncated() ? " (tail)" : "") + "\n" + err);
    }

    private static String limitsNote(RunResult result) {
        List<String> notes = new ArrayList<>();
        if (result.limitsHit().time()) {
            notes.add("the time limit passed and the commands were killed");
        }
        if (result.limitsHit().memory()) {
            notes.add("the memory limit was hit");
        }
        if (result.limitsHit().output()) {
            notes.add("the output limit was hit");
        }
        if (result.limitsHit().processes()) {
            notes.add("the process limit was hit");
        }
        if (result.stoppedByReaper()) {
            notes.add("the sandbox was stopped by the reaper");
        }
        return notes.isEmpty() ? "" : "\n--- sandbox: " + String.join("; ", notes);
    }
}
