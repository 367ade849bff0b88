package dev.samokoder.workflow.loop;

import dev.samokoder.core.config.WorkflowLimits;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.LlmClient;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.LlmRequest;
import dev.samokoder.core.llm.LlmResponse;
import dev.samokoder.core.llm.ToolCall;
import dev.samokoder.core.llm.ToolChoice;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.core.models.ModelSpec;
import dev.samokoder.llm.context.TokenEstimate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent's step as a bounded loop of tool calls that ends when the model submits an answer its
 * checks accept. Each round: make room in the window if needed ({@link Condenser}), ask the model
 * with the step's tools, run the calls it made in order, feed their results back, save the loop.
 * Bounded by model calls and tokens per step ({@link WorkflowLimits}) and by re-asks of refused
 * answers; a step whose invocation runs out of time saves its place and yields
 * ({@link StepYieldedException}), and continues where it was when the workflow runs it again.
 */
public final class ToolLoop {

    /**
     * A step to run: who calls, under which name, with what prompt and tools.
     *
     * @param facts what the step knows when it first starts, kept with its loop so a later
     *              invocation sees the same (see {@link StepMemory#facts()})
     */
    public record Step(CallScope scope, String name, String system, String prompt, List<AgentTool> tools, Submission submission,
                       Deadline deadline, ToolEvents events, Map<String, String> facts) {

        public Step {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(name, "name");
            tools = List.copyOf(tools);
            facts = Map.copyOf(facts);
        }

        public Step(CallScope scope, String name, String system, String prompt, List<AgentTool> tools, Submission submission,
                    Deadline deadline, ToolEvents events) {
            this(scope, name, system, prompt, tools, submission, deadline, events, Map.of());
        }
    }

    /** Where a step reports what its tools did (the run's timeline). */
    public interface ToolEvents {

        void called(String tool, ToolOutcome outcome);

        static ToolEvents none() {
            return (tool, outcome) -> { };
        }
    }

    /** Share of the window kept free of the token rule's own error. */
    private static final double WINDOW_MARGIN = 0.05;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LlmClient llm;
    private final LoopCheckpoints checkpoints;
    private final WorkflowLimits limits;

    public ToolLoop(LlmClient llm, LoopCheckpoints checkpoints, WorkflowLimits limits) {
        this.llm = llm;
        this.checkpoints = checkpoints;
        this.limits = limits;
    }

    /**
     * Runs the step (or continues it where it was saved) until it submits an accepted answer.
     *
     * @throws StepYieldedException          no time for another model call in this invocation (its place is saved)
     * @throws StepLimitException            the step used its model calls or tokens without finishing
     * @throws AgentOutputInvalidException   its answers kept being refused past the re-ask bound
     */
    public JsonNode run(Step step) {
        CallScope scope = step.scope();
        String runId = scope.runId();
        String agent = scope.agent();
        Optional<LoopCheckpoints.Saved> saved = checkpoints.load(runId, agent, step.name());
        LoopState state = saved.map(LoopCheckpoints.Saved::state).orElseGet(() -> LoopState.start(step.system(), step.prompt(), step.facts()));
        long version = saved.map(LoopCheckpoints.Saved::version).orElse(0L);

        Map<String, AgentTool> tools = new LinkedHashMap<>();
        Map<String, JsonSchema> validators = new LinkedHashMap<>();
        for (AgentTool tool : step.tools()) {
            tools.put(tool.spec().name(), tool);
            validators.put(tool.spec().name(), Submission.compile(tool.spec().parameters()));
        }
        List<ToolSpec> specs = new ArrayList<>(step.tools().stream().map(AgentTool::spec).toList());
        specs.add(step.submission().spec());
        ModelSpec model = llm.modelFor(scope);
        long budget = (long) ((model.contextWindow() - llm.maxOutputTokens(scope)) * (1 - WINDOW_MARGIN)) - TokenEstimate.of(List.of(), specs);

        while (true) {
            if (state.rounds >= limits.maxToolRounds()) {
                throw new StepLimitException(agent + " made " + state.rounds + " model calls in its step (" + step.name()
                        + ") without submitting an answer; the limit is " + limits.maxToolRounds() + " (SAMOKODER_WORKFLOW_MAX_TOOL_ROUNDS)");
            }
            if (state.tokens >= limits.maxStepTokens()) {
                throw new StepLimitException(agent + " used " + state.tokens + " tokens in its step (" + step.name()
                        + ") without submitting an answer; the limit is " + limits.maxStepTokens() + " (SAMOKODER_WORKFLOW_MAX_STEP_TOKENS)");
            }
            if (!step.deadline().allowsAnotherCall()) {
                if (state.rounds > 0) {
                    checkpoints.save(runId, agent, step.name(), state, version);
                }
                throw new StepYieldedException(agent, step.name(), state.rounds);
            }
            boolean lastRound = state.rounds == limits.maxToolRounds() - 1;
            if (lastRound) {
                state.add(LlmMessage.user("This is the last model call of this step: call submit now with your best answer."), Optional.empty());
            }
            Condenser.fit(state, budget);
            LlmResponse response = llm.complete(LlmRequest.of(scope, state.messages())
                    .withTools(lastRound ? List.of(step.submission().spec()) : specs, ToolChoice.REQUIRED)
                    .withExchange(new Exchange(step.name(), state.rounds + 1)));
            state.rounds++;
            state.tokens += response.usage().promptTokens() + response.usage().completionTokens();
            Optional<JsonNode> answer = handle(step, state, response, tools, validators);
            if (answer.isPresent()) {
                checkpoints.delete(runId, agent, step.name(), version);
                return answer.get();
            }
            version = checkpoints.save(runId, agent, step.name(), state, version);
        }
    }

    private Optional<JsonNode> handle(Step step, LoopState state, LlmResponse response, Map<String, AgentTool> tools,
                                      Map<String, JsonSchema> validators) {
        if (response.toolCalls().isEmpty()) {
            state.add(LlmMessage.assistant(response.text().isBlank() ? "(no answer)" : response.text()), Optional.empty());
            refused(step, state, List.of("the answer called no tool"));
            state.add(LlmMessage.user(response.truncated()
                    ? Messages.cutOffBeforeAnyCall(response.maxOutputTokens())
                    : Messages.ANSWER_WITH_TOOLS), Optional.empty());
            return Optional.empty();
        }
        List<ToolCall> asSent = new ArrayList<>();
        List<Optional<JsonNode>> arguments = new ArrayList<>();
        for (ToolCall call : response.toolCalls()) {
            Optional<JsonNode> parsed = parse(call.arguments());
            arguments.add(parsed);
            // a call cut off mid-arguments goes back as an empty call, so the conversation stays valid JSON for every provider
            asSent.add(parsed.isPresent() ? call : new ToolCall(call.id(), call.name(), "{}"));
        }
        state.add(LlmMessage.assistant(response.text(), asSent), Optional.empty());
        JsonNode accepted = null;
        for (int i = 0; i < asSent.size(); i++) {
            ToolCall call = asSent.get(i);
            ToolOutcome outcome;
            if (accepted != null) {
                outcome = ToolOutcome.error("not run: the step ended with your submit before this call.", null);
            } else if (arguments.get(i).isEmpty()) {
                outcome = ToolOutcome.error(response.truncated()
                        ? Messages.cutOffCall(call.name(), response.maxOutputTokens())
                        : "the arguments of " + call.name() + " are not one JSON object; send them again as JSON.", null);
            } else if (call.name().equals(Submission.TOOL)) {
                Submission.Verdict verdict = submit(step, state, arguments.get(i).get());
                if (verdict.accepted()) {
                    accepted = arguments.get(i).get();
                    outcome = ToolOutcome.ok("Accepted.", "accepted", "submitted", null, false);
                } else if (!verdict.problems().isEmpty()) {
                    outcome = ToolOutcome.error("your answer was refused by the checker:\n- " + String.join("\n- ", verdict.problems())
                            + "\nFix these and call submit again.", null);
                } else {
                    outcome = ToolOutcome.error("not accepted yet; a reviewer asks for changes:\n- " + String.join("\n- ", verdict.revisions())
                            + "\nMake them with your tools, then call submit again.", null);
                }
            } else {
                outcome = runTool(call, arguments.get(i).get(), tools, validators, state);
                step.events().called(call.name(), outcome);
            }
            state.add(LlmMessage.toolResult(call, outcome.result()), Optional.of(call.name() + ": " + outcome.summary()));
        }
        return Optional.ofNullable(accepted);
    }

    private Submission.Verdict submit(Step step, LoopState state, JsonNode answer) {
        state.submits++;
        Submission.Verdict verdict = step.submission().judge(answer, state.submits, state);
        if (!verdict.problems().isEmpty()) {
            refused(step, state, verdict.problems());
        }
        return verdict;
    }

    /** An answer that broke the protocol or its schema: re-asked at most {@code maxSchemaRetries} times, then the step fails. */
    private void refused(Step step, LoopState state, List<String> problems) {
        state.refusedSubmits++;
        if (state.refusedSubmits > limits.maxSchemaRetries()) {
            throw new AgentOutputInvalidException(step.scope().agent(), state.refusedSubmits, problems);
        }
    }

    private static ToolOutcome runTool(ToolCall call, JsonNode arguments, Map<String, AgentTool> tools, Map<String, JsonSchema> validators,
                                       LoopState state) {
        AgentTool tool = tools.get(call.name());
        if (tool == null) {
            return ToolOutcome.error("there is no tool '" + call.name() + "' in this step; the tools are "
                    + String.join(", ", tools.keySet()) + " and " + Submission.TOOL + ".", null);
        }
        List<String> problems = Submission.validate(validators.get(call.name()), arguments);
        if (!problems.isEmpty()) {
            return ToolOutcome.error("the arguments of " + call.name() + " are refused:\n- " + String.join("\n- ", problems), null);
        }
        return tool.run(arguments, state);
    }

    private static Optional<JsonNode> parse(String arguments) {
        try {
            JsonNode tree = MAPPER.readTree(arguments.isBlank() ? "{}" : arguments);
            return tree != null && tree.isObject() ? Optional.of(tree) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
