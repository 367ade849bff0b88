package dev.samokoder.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samokoder.local.sfn.engine.SfnException;
import dev.samokoder.local.sfn.engine.StepFunctionsEngine;
import dev.samokoder.local.sfn.store.ExecutionRecord;
import dev.samokoder.local.sfn.store.ExecutionStatus;
import dev.samokoder.local.sfn.store.HistoryEvent;
import dev.samokoder.local.sfn.store.StateMachineRecord;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static dev.samokoder.local.sfn.api.ApiJson.optional;
import static dev.samokoder.local.sfn.api.ApiJson.putIfNotNull;
import static dev.samokoder.local.sfn.api.ApiJson.putTimestamp;
import static dev.samokoder.local.sfn.api.ApiJson.required;
import static dev.samokoder.local.sfn.api.ApiJson.requiredArn;

/** The Step Functions API operations the product uses, as request JSON to response JSON. */
final class StepFunctionsOperations {

    private static final int DEFAULT_PAGE_SIZE = 100;

    private final StepFunctionsEngine engine;
    private final Map<String, Function<JsonNode, ObjectNode>> operations;

    StepFunctionsOperations(StepFunctionsEngine engine) {
        this.engine = engine;
        this.operations = Map.ofEntries(
                Map.entry("CreateStateMachine", this::createStateMachine),
                Map.entry("DescribeStateMachine", this::describeStateMachine),
                Map.entry("ListStateMachines", this::listStateMachines),
                Map.entry("DeleteStateMachine", this::deleteStateMachine),
                Map.entry("StartExecution", this::startExecution),
                Map.entry("DescribeExecution", this::describeExecution),
                Map.entry("StopExecution", this::stopExecution),
                Map.entry("GetExecutionHistory", this::getExecutionHistory),
                Map.entry("ListExecutions", this::listExecutions),
                Map.entry("SendTaskSuccess", this::sendTaskSuccess),
                Map.entry("SendTaskFailure", this::sendTaskFailure),
                Map.entry("SendTaskHeartbeat", this::sendTaskHeartbeat));
    }

    ObjectNode invoke(String operation, JsonNode request) {
        Function<JsonNode, ObjectNode> handler = operations.get(operation);
        if (handler == null) {
            throw new SfnException("UnknownOperationException", "The local engine does not implement " + operation);
        }
        return handler.apply(request);
    }

    private ObjectNode createStateMachine(JsonNode request) {
        StateMachineRecord created = engine.createStateMachine(required(request, "name"), required(request, "definition"),
                optional(request, "roleArn"), optional(request, "type"));
        ObjectNode response = object().put("stateMachineArn", created.arn());
        putTimestamp(response, "creationDate", created.creationDate());
        return response;
    }

    private ObjectNode describeStateMachine(JsonNode request) {
        StateMachineRecord machine = engine.describeStateMachine(requiredArn(request, "stateMachineArn"));
        ObjectNode response = object().put("stateMachineArn", machine.arn()).put("name", machine.name()).put("status", "ACTIVE")
                .put("definition", machine.definition()).put("type", machine.type());
        putIfNotNull(response, "roleArn", machine.roleArn());
        putTimestamp(response, "creationDate", machine.creationDate());
        return response;
    }

    private ObjectNode listStateMachines(JsonNode request) {
        Page<StateMachineRecord> page = Page.of(engine.listStateMachines(), request, DEFAULT_PAGE_SIZE);
        ObjectNode response = object();
        ArrayNode machines = response.putArray("stateMachines");
        for (StateMachineRecord machine : page.items()) {
            ObjectNode item = machines.addObject().put("stateMachineArn", machine.arn()).put("name", machine.name()).put("type", machine.type());
            putTimestamp(item, "creationDate", machine.creationDate());
        }
        putIfNotNull(response, "nextToken", page.nextToken());
        return response;
    }

    private ObjectNode deleteStateMachine(JsonNode request) {
        engine.deleteStateMachine(requiredArn(request, "stateMachineArn"));
        return object();
    }

    private ObjectNode startExecution(JsonNode request) {
        ExecutionRecord started = engine.startExecution(requiredArn(request, "stateMachineArn"), optional(request, "name"),
                optional(request, "input"));
        ObjectNode response = object().put("executionArn", started.arn());
        putTimestamp(response, "startDate", started.startDate());
        return response;
    }

    private ObjectNode describeExecution(JsonNode request) {
        ExecutionRecord execution = engine.describeExecution(requiredArn(request, "executionArn"));
        ObjectNode response = summary(execution).put("input", execution.input());
        response.putObject("inputDetails").put("included", true);
        if (execution.output() != null) {
            response.put("output", execution.output());
            response.putObject("outputDetails").put("included", true);
        }
        putIfNotNull(response, "error", execution.error());
        putIfNotNull(response, "cause", execution.cause());
        return response;
    }

    private ObjectNode stopExecution(JsonNode request) {
        ExecutionRecord stopped = engine.stopExecution(requiredArn(request, "executionArn"), optional(request, "error"),
                optional(request, "cause"));
        ObjectNode response = object();
        putTimestamp(response, "stopDate", stopped.stopDate());
        return response;
    }

    private ObjectNode getExecutionHistory(JsonNode request) {
        List<HistoryEvent> events = new ArrayList<>(engine.history(requiredArn(request, "executionArn")));
        if (request.path("reverseOrder").asBoolean(false)) {
            Collections.reverse(events);
        }
        boolean includeData = request.path("includeExecutionData").asBoolean(true);
        Page<HistoryEvent> page = Page.of(events, request, DEFAULT_PAGE_SIZE);
        ObjectNode response = object();
        ArrayNode array = response.putArray("events");
        for (HistoryEvent event : page.items()) {
            ObjectNode item = array.addObject();
            putTimestamp(item, "timestamp", event.timestamp());
            item.put("type", event.type()).put("id", event.id()).put("previousEventId", event.previousEventId());
            ObjectNode details = event.details().deepCopy();
            if (!includeData) {
                details.forEach(d -> ((ObjectNode) d).remove(List.of("input", "output", "parameters")));
            }
            item.setAll(details);
        }
        putIfNotNull(response, "nextToken", page.nextToken());
        return response;
    }

    private ObjectNode listExecutions(JsonNode request) {
        String filter = optional(request, "statusFilter");
        ExecutionStatus status;
        try {
            status = filter == null ? null : ExecutionStatus.valueOf(filter);
        } catch (IllegalArgumentException e) {
            throw new SfnException("ValidationException", "Invalid statusFilter: " + filter);
        }
        Page<ExecutionRecord> page = Page.of(engine.listExecutions(requiredArn(request, "stateMachineArn"), status), request, DEFAULT_PAGE_SIZE);
        ObjectNode response = object();
        ArrayNode executions = response.putArray("executions");
        page.items().forEach(e -> executions.add(summary(e)));
        putIfNotNull(response, "nextToken", page.nextToken());
        return response;
    }

    private ObjectNode sendTaskSuccess(JsonNode request) {
        engine.sendTaskSuccess(required(request, "taskToken"), required(request, "output"));
        return object();
    }

    private ObjectNode sendTaskFailure(JsonNode request) {
        engine.sendTaskFailure(required(request, "taskToken"), optional(request, "error"), optional(request, "cause"));
        return object();
    }

    private ObjectNode sendTaskHeartbeat(JsonNode request) {
        engine.sendTaskHeartbeat(required(request, "taskToken"));
        return object();
    }

    private static ObjectNode summary(ExecutionRecord execution) {
        ObjectNode node = object().put("executionArn", execution.arn()).put("stateMachineArn", execution.stateMachineArn())
                .put("name", execution.name()).put("status", execution.status().name());
        putTimestamp(node, "startDate", execution.startDate());
        putTimestamp(node, "stopDate", execution.stopDate());
        return node;
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }
}
