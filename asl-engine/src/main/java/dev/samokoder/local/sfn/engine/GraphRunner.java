package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samokoder.local.sfn.asl.ChoiceRule;
import dev.samokoder.local.sfn.asl.DataFlow;
import dev.samokoder.local.sfn.asl.State;
import dev.samokoder.local.sfn.asl.Timestamps;
import dev.samokoder.local.sfn.asl.WaitDuration;
import dev.samokoder.local.sfn.paths.JsonPath;
import dev.samokoder.local.sfn.paths.PathReadException;
import dev.samokoder.local.sfn.paths.PayloadEvaluationException;
import dev.samokoder.local.sfn.paths.PayloadTemplate;
import dev.samokoder.local.sfn.store.Checkpoint;

import java.time.Instant;

/**
 * Runs one graph from its StartAt until a terminal state, one state at a time. Each completed state is
 * checkpointed under {@code <frame path>#<step number>}; on a resumed run, a state whose checkpoint
 * exists is not run again but takes its recorded output and transition.
 */
final class GraphRunner {

    private final ExecutionRun run;
    private final TaskRunner tasks;
    private final ParallelRunner parallels;
    private final MapRunner maps;

    GraphRunner(ExecutionRun run) {
        this.run = run;
        this.tasks = new TaskRunner(run);
        this.parallels = new ParallelRunner(run, this);
        this.maps = new MapRunner(run, this);
    }

    JsonNode run(Frame frame, JsonNode input) throws StateFailure {
        String name = frame.graph().startAt();
        JsonNode current = input;
        for (int stepNumber = 0; ; stepNumber++) {
            frame.scope().throwIfCancelled();
            String key = frame.path() + "#" + stepNumber;
            Checkpoint.StateCompleted memo = run.completedAt(key);
            Outcome outcome;
            if (memo != null && memo.state().equals(name)) {
                outcome = new Outcome(memo.output(), memo.next());
            } else {
                State state = frame.graph().state(name);
                outcome = execute(state, current, new Step(frame, key, name, run.now()));
                run.checkpoint(new Checkpoint.StateCompleted(key, name, outcome.output(), outcome.next()));
            }
            if (outcome.next() == null) {
                return outcome.output();
            }
            name = outcome.next();
            current = outcome.output();
        }
    }

    private Outcome execute(State state, JsonNode input, Step step) throws StateFailure {
        run.history.stateEntered(state.type(), state.name(), input);
        Outcome outcome = switch (state) {
            case State.Pass pass -> pass(pass, input, step);
            case State.Task task -> tasks.run(task, input, step);
            case State.Choice choice -> choice(choice, input, step);
            case State.Wait wait -> waitState(wait, input, step);
            case State.Succeed succeed -> new Outcome(passThrough(succeed.dataFlow(), input), null);
            case State.Fail fail -> throw failure(fail, input, step);
            case State.Parallel parallel -> parallels.run(parallel, input, step);
            case State.Map map -> maps.run(map, input, step);
        };
        run.history.stateExited(state.type(), state.name(), outcome.output());
        return outcome;
    }

    private Outcome pass(State.Pass pass, JsonNode rawInput, Step step) throws StateFailure {
        DataFlow flow = pass.dataFlow();
        JsonNode effective = DataFlowProcessor.inputPath(flow.inputPath(), rawInput);
        JsonNode result = pass.result() != null
                ? pass.result().deepCopy()
                : DataFlowProcessor.parameters(flow.parameters(), effective, run.context(step, 0, null));
        JsonNode combined = DataFlowProcessor.resultPath(flow.resultPath(), rawInput, result);
        return new Outcome(DataFlowProcessor.outputPath(flow.outputPath(), combined), pass.next());
    }

    private Outcome choice(State.Choice choice, JsonNode rawInput, Step step) throws StateFailure {
        JsonNode effective = DataFlowProcessor.inputPath(choice.dataFlow().inputPath(), rawInput);
        ObjectNode context = run.context(step, 0, null);
        for (ChoiceRule.Branch branch : choice.choices()) {
            if (ChoiceEvaluator.matches(branch.rule(), effective, context)) {
                return new Outcome(DataFlowProcessor.outputPath(choice.dataFlow().outputPath(), effective), branch.next());
            }
        }
        if (choice.defaultNext() != null) {
            return new Outcome(DataFlowProcessor.outputPath(choice.dataFlow().outputPath(), effective), choice.defaultNext());
        }
        throw new StateFailure(ErrorNames.NO_CHOICE_MATCHED,
                "No Matches! No choice rule matched and there is no Default in Choice state '" + choice.name() + "'");
    }

    private Outcome waitState(State.Wait wait, JsonNode rawInput, Step step) throws StateFailure {
        JsonNode effective = DataFlowProcessor.inputPath(wait.dataFlow().inputPath(), rawInput);
        Checkpoint.WaitStarted started = run.waitStartedAt(step.key());
        Instant until;
        if (started != null) {
            until = started.until();
        } else {
            until = waitUntil(wait.duration(), effective, step.enteredTime());
            run.checkpoint(new Checkpoint.WaitStarted(step.key(), until));
        }
        run.sleepUntil(until, step.scope());
        return new Outcome(DataFlowProcessor.outputPath(wait.dataFlow().outputPath(), effective), wait.next());
    }

    private static Instant waitUntil(WaitDuration duration, JsonNode input, Instant entered) throws StateFailure {
        return switch (duration) {
            case WaitDuration.Seconds seconds -> entered.plusSeconds(seconds.seconds());
            case WaitDuration.Timestamp timestamp -> timestamp.instant();
            case WaitDuration.SecondsPath path -> {
                JsonNode value = read(path.path(), input, "SecondsPath");
                if (!value.canConvertToExactIntegral() || value.longValue() < 0) {
                    throw new StateFailure(ErrorNames.RUNTIME, "The SecondsPath parameter does not reference a non-negative integer: " + value);
                }
                yield entered.plusSeconds(value.longValue());
            }
            case WaitDuration.TimestampPath path -> {
                JsonNode value = read(path.path(), input, "TimestampPath");
                Instant instant = value.isTextual() ? Timestamps.parse(value.textValue()) : null;
                if (instant == null) {
                    throw new StateFailure(ErrorNames.RUNTIME, "The TimestampPath parameter does not reference a valid ISO-8601 timestamp: " + value);
                }
                yield instant;
            }
        };
    }

    private static JsonNode read(JsonPath path, JsonNode input, String field) throws StateFailure {
        try {
            return path.read(input);
        } catch (PathReadException e) {
            throw new StateFailure(ErrorNames.RUNTIME, "Invalid path '" + path.text() + "' for " + field + ": " + e.getMessage());
        }
    }

    private StateFailure failure(State.Fail fail, JsonNode input, Step step) throws StateFailure {
        ObjectNode context = run.context(step, 0, null);
        String error = fail.errorPath() != null ? dynamic(fail.errorPath(), input, context) : fail.error();
        String cause = fail.causePath() != null ? dynamic(fail.causePath(), input, context) : fail.cause();
        return new StateFailure(error, cause);
    }

    private static String dynamic(PayloadTemplate template, JsonNode input, JsonNode context) throws StateFailure {
        try {
            JsonNode value = template.evaluate(input, context).get(State.Fail.DYNAMIC_VALUE_KEY);
            if (!value.isTextual()) {
                throw new StateFailure(ErrorNames.RUNTIME, "ErrorPath and CausePath must reference a string, got " + value);
            }
            return value.textValue();
        } catch (PayloadEvaluationException e) {
            throw new StateFailure(ErrorNames.RUNTIME, e.getMessage());
        }
    }

    private static JsonNode passThrough(DataFlow flow, JsonNode rawInput) throws StateFailure {
        JsonNode effective = DataFlowProcessor.inputPath(flow.inputPath(), rawInput);
        return DataFlowProcessor.outputPath(flow.outputPath(), effective);
    }
}
