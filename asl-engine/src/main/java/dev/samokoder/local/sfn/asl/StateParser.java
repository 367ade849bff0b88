package dev.samokoder.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.local.sfn.asl.FieldReader.PathKind;
import dev.samokoder.local.sfn.paths.JsonPath;
import dev.samokoder.local.sfn.paths.PayloadTemplate;
import dev.samokoder.local.sfn.tasks.TaskResource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Parses one state object into its model record, checking the fields its type allows and requires. */
final class StateParser {

    private static final Set<String> COMMON = Set.of("Type", "Comment");
    private static final Set<String> TRANSITION = Set.of("Next", "End");
    private static final Set<String> IO = Set.of("InputPath", "OutputPath");
    private static final Set<String> RESULT = Set.of("ResultPath", "ResultSelector");
    private static final Set<String> ERRORS = Set.of("Retry", "Catch");

    private final ProblemCollector problems;
    private final DefinitionParser graphs;
    private final ChoiceRuleParser choiceRules;
    private final ErrorHandlingParser errorHandling;

    StateParser(ProblemCollector problems, DefinitionParser graphs) {
        this.problems = problems;
        this.graphs = graphs;
        this.choiceRules = new ChoiceRuleParser();
        this.errorHandling = new ErrorHandlingParser();
    }

    State parse(String name, JsonNode node, String location) {
        if (!node.isObject()) {
            problems.add(location, name, null, "a state must be a JSON object");
            return null;
        }
        FieldReader fields = new FieldReader(node, location, name, problems);
        String type = fields.string("Type", true);
        if (type == null) {
            return null;
        }
        return switch (type) {
            case "Pass" -> pass(fields);
            case "Task" -> task(fields);
            case "Choice" -> choice(fields);
            case "Wait" -> waitState(fields);
            case "Succeed" -> succeed(fields);
            case "Fail" -> fail(fields);
            case "Parallel" -> parallel(fields);
            case "Map" -> map(fields);
            default -> {
                fields.problem("Type", "unknown state type '" + type + "'; expected one of Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map");
                yield null;
            }
        };
    }

    private State pass(FieldReader fields) {
        fields.rejectUnknownFields(allowed(Set.of("Parameters", "Result", "ResultPath")), "a Pass state");
        return new State.Pass(fields.state(), transition(fields), dataFlow(fields), fields.node().get("Result"));
    }

    private State task(FieldReader fields) {
        fields.rejectUnknownFields(allowed(RESULT, ERRORS, Set.of("Parameters", "Resource", "TimeoutSeconds",
                "TimeoutSecondsPath", "HeartbeatSeconds", "HeartbeatSecondsPath", "Credentials")), "a Task state");
        String resource = fields.string("Resource", true);
        if (resource != null && TaskResource.parse(resource).isEmpty()) {
            fields.problem("Resource", "'" + resource + "' is not a Lambda function ARN or an arn:aws:states:::service:action integration ARN");
        }
        return new State.Task(fields.state(), transition(fields), dataFlow(fields), resource, timeouts(fields),
                errorHandling.parse(fields));
    }

    private TaskTimeouts timeouts(FieldReader fields) {
        Integer timeout = fields.integer("TimeoutSeconds", 1);
        Integer heartbeat = fields.integer("HeartbeatSeconds", 1);
        JsonPath timeoutPath = fields.path("TimeoutSecondsPath", PathKind.INPUT_REFERENCE_PATH);
        JsonPath heartbeatPath = fields.path("HeartbeatSecondsPath", PathKind.INPUT_REFERENCE_PATH);
        if (fields.has("TimeoutSeconds") && fields.has("TimeoutSecondsPath")) {
            fields.problem("TimeoutSecondsPath", "only one of TimeoutSeconds and TimeoutSecondsPath may be set");
        }
        if (fields.has("HeartbeatSeconds") && fields.has("HeartbeatSecondsPath")) {
            fields.problem("HeartbeatSecondsPath", "only one of HeartbeatSeconds and HeartbeatSecondsPath may be set");
        }
        if (timeout != null && heartbeat != null && heartbeat >= timeout) {
            fields.problem("HeartbeatSeconds", "HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        return new TaskTimeouts(timeout, timeoutPath, heartbeat, heartbeatPath);
    }

    private State choice(FieldReader fields) {
        fields.rejectUnknownFields(allowed(Set.of("Choices", "Default")), "a Choice state");
        rejectTransition(fields);
        JsonNode choicesNode = fields.node().get("Choices");
        List<ChoiceRule.Branch> branches = new ArrayList<>();
        if (choicesNode == null || !choicesNode.isArray() || choicesNode.isEmpty()) {
            fields.problem("Choices", "'Choices' must be a non-empty array");
        } else {
            for (int i = 0; i < choicesNode.size(); i++) {
                FieldReader rule = new FieldReader(choicesNode.get(i), fields.location() + "/Choices/" + i, fields.state(), problems);
                ChoiceRule.Branch branch = choiceRules.branch(rule);
                if (branch != null) {
                    branches.add(branch);
                }
            }
        }
        return new State.Choice(fields.state(), dataFlow(fields), branches, fields.string("Default", false));
    }

    private State waitState(FieldReader fields) {
        fields.rejectUnknownFields(allowed(Set.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")), "a Wait state");
        List<String> present = new ArrayList<>();
        for (String field : List.of("Seconds", "Timestamp", "SecondsPath", "TimestampPath")) {
            if (fields.has(field)) {
                present.add(field);
            }
        }
        if (present.size() != 1) {
            fields.problem("Seconds", "exactly one of Seconds, Timestamp, SecondsPath, TimestampPath is required, found " + present);
        }
        WaitDuration duration = null;
        if (present.size() == 1) {
            duration = switch (present.getFirst()) {
                case "Seconds" -> {
                    Integer seconds = fields.integer("Seconds", 0);
                    yield seconds == null ? null : new WaitDuration.Seconds(seconds);
                }
                case "Timestamp" -> timestamp(fields);
                case "SecondsPath" -> new WaitDuration.SecondsPath(fields.path("SecondsPath", PathKind.INPUT_REFERENCE_PATH));
                default -> new WaitDuration.TimestampPath(fields.path("TimestampPath", PathKind.INPUT_REFERENCE_PATH));
            };
        }
        return new State.Wait(fields.state(), transition(fields), dataFlow(fields), duration);
    }

    private WaitDuration timestamp(FieldReader fields) {
        String text = fields.string("Timestamp", true);
        if (text == null) {
            return null;
        }
        Instant instant = Timestamps.parse(text);
        if (instant == null) {
            fields.problem("Timestamp", "'" + text + "' is not an RFC3339 timestamp such as 2016-03-14T01:59:00Z");
            return null;
        }
        return new WaitDuration.Timestamp(instant);
    }

    private State succeed(FieldReader fields) {
        fields.rejectUnknownFields(allowed(Set.of()), "a Succeed state");
        rejectTransition(fields);
        return new State.Succeed(fields.state(), dataFlow(fields));
    }

    private State fail(FieldReader fields) {
        fields.rejectUnknownFields(union(COMMON, Set.of("Error", "Cause", "ErrorPath", "CausePath")), "a Fail state");
        if (fields.has("Error") && fields.has("ErrorPath")) {
            fields.problem("ErrorPath", "only one of Error and ErrorPath may be set");
        }
        if (fields.has("Cause") && fields.has("CausePath")) {
            fields.problem("CausePath", "only one of Cause and CausePath may be set");
        }
        return new State.Fail(fields.state(), fields.string("Error", false), fields.string("Cause", false),
                fields.dynamicString("ErrorPath"), fields.dynamicString("CausePath"));
    }

    private State parallel(FieldReader fields) {
        fields.rejectUnknownFields(allowed(RESULT, ERRORS, Set.of("Parameters", "Branches")), "a Parallel state");
        JsonNode branchesNode = fields.node().get("Branches");
        List<StateGraph> branches = new ArrayList<>();
        if (branchesNode == null || !branchesNode.isArray() || branchesNode.isEmpty()) {
            fields.problem("Branches", "'Branches' must be a non-empty array of state machines");
        } else {
            for (int i = 0; i < branchesNode.size(); i++) {
                branches.add(graphs.branch(branchesNode.get(i), fields.location() + "/Branches/" + i));
            }
        }
        return new State.Parallel(fields.state(), transition(fields), dataFlow(fields), branches, errorHandling.parse(fields));
    }

    private State map(FieldReader fields) {
        fields.rejectUnknownFields(allowed(RESULT, ERRORS, Set.of("Parameters", "ItemSelector", "ItemsPath",
                "MaxConcurrency", "MaxConcurrencyPath", "Iterator", "ItemProcessor", "Label")), "an inline Map state (Distributed Map is not supported)");
        if (fields.has("Parameters") && fields.has("ItemSelector")) {
            fields.problem("ItemSelector", "only one of Parameters and ItemSelector may be set");
        }
        if (fields.has("MaxConcurrency") && fields.has("MaxConcurrencyPath")) {
            fields.problem("MaxConcurrencyPath", "only one of MaxConcurrency and MaxConcurrencyPath may be set");
        }
        if (fields.has("Iterator") == fields.has("ItemProcessor")) {
            fields.problem("ItemProcessor", "exactly one of ItemProcessor and Iterator is required");
        }
        StateGraph processor = null;
        if (fields.has("ItemProcessor")) {
            processor = graphs.processor(fields.node().get("ItemProcessor"), fields.location() + "/ItemProcessor");
            checkInlineMode(fields);
        } else if (fields.has("Iterator")) {
            processor = graphs.branch(fields.node().get("Iterator"), fields.location() + "/Iterator");
        }
        String selectorField = fields.has("ItemSelector") ? "ItemSelector" : "Parameters";
        PayloadTemplate selector = fields.template(selectorField);
        Integer maxConcurrency = fields.integer("MaxConcurrency", 0);
        DataFlow flow = dataFlow(fields);
        DataFlow withoutParameters = new DataFlow(flow.inputPath(), null, flow.resultSelector(), flow.resultPath(), flow.outputPath());
        return new State.Map(fields.state(), transition(fields), withoutParameters, fields.path("ItemsPath", PathKind.INPUT_REFERENCE_PATH), selector,
                maxConcurrency == null ? 0 : maxConcurrency, fields.path("MaxConcurrencyPath", PathKind.INPUT_REFERENCE_PATH), processor,
                errorHandling.parse(fields));
    }

    private void checkInlineMode(FieldReader fields) {
        JsonNode mode = fields.node().path("ItemProcessor").path("ProcessorConfig").path("Mode");
        if (!mode.isMissingNode() && !"INLINE".equals(mode.asText())) {
            fields.problem("ItemProcessor", "ProcessorConfig.Mode " + mode + " is not supported; only INLINE (Distributed Map is not supported)");
        }
    }

    private DataFlow dataFlow(FieldReader fields) {
        String type = fields.node().path("Type").asText();
        boolean hasResult = !type.equals("Choice") && !type.equals("Wait") && !type.equals("Succeed");
        return new DataFlow(
                fields.pathOrRoot("InputPath", PathKind.PATH),
                type.equals("Map") ? null : fields.template("Parameters"),
                fields.template("ResultSelector"),
                hasResult ? fields.pathOrRoot("ResultPath", PathKind.INPUT_REFERENCE_PATH) : FieldReader.ROOT,
                fields.pathOrRoot("OutputPath", PathKind.PATH));
    }

    private String transition(FieldReader fields) {
        String next = fields.string("Next", false);
        boolean end = fields.bool("End");
        if (next != null && end) {
            fields.problem("End", "a state may not have both Next and End");
        } else if (next == null && !end) {
            fields.problem("Next", "a " + fields.node().path("Type").asText() + " state must have Next or \"End\": true");
        }
        return next;
    }

    private void rejectTransition(FieldReader fields) {
        for (String field : TRANSITION) {
            if (fields.has(field)) {
                fields.problem(field, "a terminal state may not have '" + field + "'");
            }
        }
    }

    @SafeVarargs
    private static Set<String> allowed(Set<String>... groups) {
        Set<String> all = new HashSet<>(COMMON);
        all.addAll(TRANSITION);
        all.addAll(IO);
        for (Set<String> group : groups) {
            all.addAll(group);
        }
        return all;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
