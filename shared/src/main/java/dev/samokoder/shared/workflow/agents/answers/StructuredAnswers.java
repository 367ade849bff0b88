package dev.samokoder.shared.workflow.agents.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.samokoder.shared.llm.CallScope;
import dev.samokoder.shared.llm.InvalidOutputException;
import dev.samokoder.shared.llm.LlmClient;
import dev.samokoder.shared.llm.LlmMessage;
import dev.samokoder.shared.llm.LlmRequest;
import dev.samokoder.shared.llm.LlmResponse;
import dev.samokoder.shared.workflow.WorkflowLimits;
import dev.samokoder.shared.workflow.agents.AgentOutputInvalidException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The one loop every agent uses for a structured answer: render the agent's prompt, ask the model,
 * parse the answer as JSON and check it against the agent's schema; an invalid answer is re-asked
 * with the errors fed back, at most {@link WorkflowLimits#maxSchemaRetries()} times, then
 * {@link AgentOutputInvalidException}. Nothing is stored here, so an agent writes only valid answers.
 */
public final class StructuredAnswers {

    static final String SCHEMA_FOLDER = "/dev/samokoder/workflow/schemas/";
    /** How much of an invalid answer is shown back to the model with its errors. */
    private static final int MAX_ECHOED_ANSWER = 4_000;
    private static final int MAX_ERRORS_SHOWN = 10;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final LlmClient llm;
    private final WorkflowLimits limits;
    private final String system;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final Map<String, PromptTemplate> prompts = new ConcurrentHashMap<>();

    public StructuredAnswers(LlmClient llm, WorkflowLimits limits) {
        this.llm = llm;
        this.limits = limits;
        this.system = PromptTemplate.load("system").render(Map.of());
    }

    /**
     * Asks with the prompt and schema named {@code name} (resources {@code prompts/<name>.txt} and
     * {@code schemas/<name>.json}), in the scope's agent's name.
     *
     * @throws AgentOutputInvalidException when no answer passed the schema within the bound
     */
    public JsonNode ask(CallScope scope, String name, Map<String, String> slots) {
        return ask(scope, name, slots, answer -> List.of());
    }

    /**
     * Like {@link #ask(CallScope, String, Map)}, with checks a schema cannot express (a path that
     * must stay in the workspace, a command the policy refuses): their errors are fed back the same way.
     */
    public JsonNode ask(CallScope scope, String name, Map<String, String> slots, Function<JsonNode, List<String>> moreChecks) {
        String prompt = prompts.computeIfAbsent(name, PromptTemplate::load).render(slots);
        JsonSchema schema = schemas.computeIfAbsent(name, StructuredAnswers::loadSchema);
        List<LlmMessage> messages = new ArrayList<>(List.of(LlmMessage.system(system), LlmMessage.user(prompt)));
        List<String> errors = List.of();
        int attempts = limits.maxSchemaRetries() + 1;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            String answer;
            try {
                LlmResponse response = llm.complete(LlmRequest.of(scope, messages));
                answer = response.text();
            } catch (InvalidOutputException empty) {
                answer = "";
            }
            errors = check(answer, schema);
            if (errors.isEmpty()) {
                JsonNode parsed = parse(answer);
                errors = moreChecks.apply(parsed);
                if (errors.isEmpty()) {
                    return parsed;
                }
            }
            // only the latest invalid answer is echoed, so a re-ask costs the same whatever the attempt
            messages = new ArrayList<>(List.of(LlmMessage.system(system), LlmMessage.user(prompt),
                    LlmMessage.assistant(answer.length() > MAX_ECHOED_ANSWER ? answer.substring(0, MAX_ECHOED_ANSWER) : answer),
                    LlmMessage.user(reask(errors))));
        }
        throw new AgentOutputInvalidException(scope.agent(), attempts, errors);
    }

    static List<String> check(String answer, JsonSchema schema) {
        if (answer.isBlank()) {
            return List.of("the answer was empty");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(unfenced(answer));
        } catch (JsonProcessingException e) {
            return List.of("the answer is not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            return List.of("the answer must be one JSON object");
        }
        return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().limit(MAX_ERRORS_SHOWN).toList();
    }

    private static JsonNode parse(String answer) {
        try {
            return MAPPER.readTree(unfenced(answer));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer that passed its check does not parse", e);
        }
    }

    /** Models often wrap JSON in a Markdown fence although told not to; the fence is not part of the answer. */
    static String unfenced(String answer) {
        String trimmed = answer.strip();
        if (trimmed.startsWith("```")) {
            int firstLine = trimmed.indexOf('\n');
            int closing = trimmed.lastIndexOf("```");
            if (firstLine > 0 && closing > firstLine) {
                return trimmed.substring(firstLine + 1, closing).strip();
            }
        }
        return trimmed;
    }

    private static String reask(List<String> errors) {
        return "Your answer was refused by the checker:\n- " + String.join("\n- ", errors)
                + "\nAnswer again with only the corrected JSON object, nothing before or after it.";
    }

    private static JsonSchema loadSchema(String name) {
        try (InputStream in = StructuredAnswers.class.getResourceAsStream(SCHEMA_FOLDER + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no schema resource " + SCHEMA_FOLDER + name + ".json");
            }
            return SCHEMAS.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the schema " + name, e);
        }
    }
}
