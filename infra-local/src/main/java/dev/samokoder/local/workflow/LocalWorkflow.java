package dev.samokoder.local.workflow;

import dev.samokoder.agents.AgentServices;
import dev.samokoder.agents.StepHandler.WorkflowFunction;
import dev.samokoder.agents.StepHandler;
import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.http.Json;
import dev.samokoder.local.sfn.tasks.InProcessFunctions;
import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/**
 * The generation workflow in the local engine: the workflow's functions registered in-process
 * under the names the definition's placeholders resolve to (the same {@link StepHandler} class
 * the Lambdas run), and the state machine created from {@code workflow/generation.asl.json}.
 * A function whose logic is not built yet has a name but no handler, so a run reaching it fails
 * there, visibly in the execution history.
 */
public final class LocalWorkflow {

    static final String NAME_PREFIX = "samokoder-generation-";
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
    };

    private LocalWorkflow() {
    }

    /** {@code SpecWriterFunction} → {@code samokoder-spec-writer}; {@code SPEC_WRITER} → the same. */
    static String functionName(String placeholderOrStep) {
        String base = placeholderOrStep.endsWith("Function")
                ? placeholderOrStep.substring(0, placeholderOrStep.length() - "Function".length())
                        .replaceAll("([a-z])([A-Z])", "$1-$2")
                : placeholderOrStep.replace('_', '-');
        return "samokoder-" + base.toLowerCase(Locale.ROOT);
    }

    /** The in-process functions: each workflow step that has its logic, under its function name. */
    public static InProcessFunctions functions(AgentServices services) {
        InProcessFunctions functions = new InProcessFunctions();
        for (WorkflowFunction function : WorkflowFunction.values()) {
            StepHandler handler = new StepHandler(function, services);
            functions.register(functionName(function.name()), (payload, context) -> {
                Map<String, Object> input = Json.mapper().convertValue(payload, PAYLOAD);
                return Json.mapper().valueToTree(handler.handleRequest(input, null));
            });
        }
        return functions;
    }

    /**
     * Creates the state machine unless one with the same definition exists (its name carries the
     * definition's hash, so a changed definition is a new machine and running executions keep
     * theirs); returns its ARN.
     */
    public static String deploy(SfnClient sfn, String roleArn) {
        String definition = definition();
        String name = NAME_PREFIX + BlobStore.sha256(definition.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        for (StateMachineListItem machine : sfn.listStateMachines(r -> r.maxResults(1000)).stateMachines()) {
            if (machine.name().equals(name)) {
                return machine.stateMachineArn();
            }
        }
        return sfn.createStateMachine(r -> r.name(name).definition(definition).roleArn(roleArn)).stateMachineArn();
    }

    /** The definition with every placeholder filled for local mode. */
    static String definition() {
        String template = GenerationStateMachine.read();
        Map<String, String> values = new HashMap<>();
        for (String placeholder : GenerationStateMachine.placeholders(template)) {
            values.put(placeholder, placeholder.endsWith("Function") ? functionName(placeholder) : "local-" + placeholder);
        }
        return GenerationStateMachine.substitute(template, values);
    }
}
