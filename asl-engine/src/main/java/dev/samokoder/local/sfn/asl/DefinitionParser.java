package dev.samokoder.local.sfn.asl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads an Amazon States Language definition (JSONPath query language) into the model, collecting every
 * problem instead of stopping at the first, then checks the graph with {@link GraphValidator}.
 */
public final class DefinitionParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP_LEVEL_FIELDS = Set.of("StartAt", "States", "Comment", "Version", "TimeoutSeconds", "QueryLanguage");
    private static final Set<String> BRANCH_FIELDS = Set.of("StartAt", "States", "Comment");
    private static final Set<String> PROCESSOR_FIELDS = Set.of("StartAt", "States", "Comment", "ProcessorConfig");
    private static final int MAX_STATE_NAME_LENGTH = 80;

    private final ProblemCollector problems = new ProblemCollector();
    private final StateParser stateParser = new StateParser(problems, this);

    private DefinitionParser() {
    }

    public static StateMachineDefinition parse(String json) throws InvalidDefinitionException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("/", null, null,
                    "the definition is not valid JSON: " + e.getOriginalMessage())));
        }
        return parse(root);
    }

    public static StateMachineDefinition parse(JsonNode root) throws InvalidDefinitionException {
        DefinitionParser parser = new DefinitionParser();
        StateMachineDefinition definition = parser.topLevel(root == null ? JsonNodeFactory.instance.nullNode() : root);
        if (!parser.problems.isEmpty()) {
            throw new InvalidDefinitionException(parser.problems.problems());
        }
        return definition;
    }

    private StateMachineDefinition topLevel(JsonNode root) {
        if (!root.isObject()) {
            problems.add("/", null, null, "the definition must be a JSON object");
            return null;
        }
        FieldReader fields = new FieldReader(root, "", null, problems);
        fields.rejectUnknownFields(TOP_LEVEL_FIELDS, "the top level of a state machine");
        String queryLanguage = fields.string("QueryLanguage", false);
        if (queryLanguage != null && !queryLanguage.equals("JSONPath")) {
            fields.problem("QueryLanguage", "only the JSONPath query language is supported by the local engine, not " + queryLanguage);
        }
        String version = fields.string("Version", false);
        if (version != null && !version.equals("1.0")) {
            fields.problem("Version", "only version \"1.0\" exists");
        }
        Integer timeout = fields.integer("TimeoutSeconds", 1);
        StateGraph graph = graph(root, "", Set.of());
        return new StateMachineDefinition(graph, timeout, root);
    }

    StateGraph branch(JsonNode node, String location) {
        return graph(node, location, BRANCH_FIELDS);
    }

    StateGraph processor(JsonNode node, String location) {
        return graph(node, location, PROCESSOR_FIELDS);
    }

    private StateGraph graph(JsonNode node, String location, Set<String> allowedFields) {
        if (!node.isObject()) {
            problems.add(location.isEmpty() ? "/" : location, null, null, "must be a JSON object with StartAt and States");
            return new StateGraph(null, Map.of());
        }
        FieldReader fields = new FieldReader(node, location.isEmpty() ? "/" : location, null, problems);
        if (!allowedFields.isEmpty()) {
            fields.rejectUnknownFields(allowedFields, "a branch or item processor");
        }
        String startAt = fields.string("StartAt", true);
        JsonNode statesNode = node.get("States");
        Map<String, State> states = new LinkedHashMap<>();
        if (statesNode == null || !statesNode.isObject() || statesNode.isEmpty()) {
            fields.problem("States", "'States' must be a non-empty JSON object");
        } else {
            for (Map.Entry<String, JsonNode> entry : statesNode.properties()) {
                String name = entry.getKey();
                String stateLocation = location + "/States/" + name;
                if (name.isEmpty() || name.length() > MAX_STATE_NAME_LENGTH) {
                    problems.add(stateLocation, name, null, "state names must be 1 to " + MAX_STATE_NAME_LENGTH + " characters long");
                }
                State state = stateParser.parse(name, entry.getValue(), stateLocation);
                if (state != null) {
                    states.put(name, state);
                }
            }
        }
        StateGraph graph = new StateGraph(startAt, states);
        if (statesNode != null && statesNode.isObject()) {
            GraphValidator.check(graph, statesNode, location.isEmpty() ? "/" : location, problems);
        }
        return graph;
    }
}
