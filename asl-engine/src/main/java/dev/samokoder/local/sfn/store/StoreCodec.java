package dev.samokoder.local.sfn.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** Converts store records to and from compact JSON, one object per record. */
final class StoreCodec {

    static final ObjectMapper JSON = new ObjectMapper();

    private StoreCodec() {
    }

    static ObjectNode stateMachine(StateMachineRecord r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("arn", r.arn()).put("name", r.name()).put("definition", r.definition()).put("roleArn", r.roleArn())
                .put("type", r.type()).put("creationDate", r.creationDate().toString());
        return node;
    }

    static StateMachineRecord stateMachine(JsonNode n) {
        return new StateMachineRecord(text(n, "arn"), text(n, "name"), text(n, "definition"), text(n, "roleArn"),
                text(n, "type"), instant(n, "creationDate"));
    }

    static ObjectNode execution(ExecutionRecord r) {
        ObjectNode node = JSON.createObjectNode();
        node.put("arn", r.arn()).put("stateMachineArn", r.stateMachineArn()).put("name", r.name())
                .put("definition", r.definition()).put("status", r.status().name())
                .put("startDate", r.startDate().toString())
                .put("stopDate", r.stopDate() == null ? null : r.stopDate().toString())
                .put("input", r.input()).put("output", r.output()).put("error", r.error()).put("cause", r.cause());
        return node;
    }

    static ExecutionRecord execution(JsonNode n) {
        return new ExecutionRecord(text(n, "arn"), text(n, "stateMachineArn"), text(n, "name"), text(n, "definition"),
                ExecutionStatus.valueOf(text(n, "status")), instant(n, "startDate"), instant(n, "stopDate"),
                text(n, "input"), text(n, "output"), text(n, "error"), text(n, "cause"));
    }

    static ObjectNode event(HistoryEvent e) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "event").put("id", e.id()).put("previousEventId", e.previousEventId())
                .put("timestamp", e.timestamp().toString()).put("type", e.type()).set("details", e.details());
        return node;
    }

    static HistoryEvent event(JsonNode n) {
        return new HistoryEvent(n.path("id").asLong(), n.path("previousEventId").asLong(), instant(n, "timestamp"),
                text(n, "type"), (ObjectNode) n.get("details"));
    }

    static ObjectNode checkpoint(Checkpoint c) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", "checkpoint").put("key", c.key());
        switch (c) {
            case Checkpoint.StateCompleted s -> node.put("checkpoint", "StateCompleted").put("state", s.state())
                    .put("next", s.next()).set("output", s.output());
            case Checkpoint.TaskTokenIssued t -> node.put("checkpoint", "TaskTokenIssued").put("token", t.token())
                    .put("issuedAt", t.issuedAt().toString());
            case Checkpoint.TaskTokenAnswered a -> node.put("checkpoint", "TaskTokenAnswered").put("token", a.token())
                    .put("succeeded", a.succeeded()).put("error", a.error()).put("cause", a.cause()).set("output", a.output());
            case Checkpoint.WaitStarted w -> node.put("checkpoint", "WaitStarted").put("until", w.until().toString());
        }
        return node;
    }

    static Checkpoint checkpoint(JsonNode n) {
        String key = text(n, "key");
        return switch (text(n, "checkpoint")) {
            case "StateCompleted" -> new Checkpoint.StateCompleted(key, text(n, "state"), n.get("output"), text(n, "next"));
            case "TaskTokenIssued" -> new Checkpoint.TaskTokenIssued(key, text(n, "token"), instant(n, "issuedAt"));
            case "TaskTokenAnswered" -> {
                boolean succeeded = n.path("succeeded").asBoolean();
                yield new Checkpoint.TaskTokenAnswered(key, text(n, "token"), succeeded, succeeded ? n.get("output") : null,
                        text(n, "error"), text(n, "cause"));
            }
            case "WaitStarted" -> new Checkpoint.WaitStarted(key, instant(n, "until"));
            default -> throw new IllegalArgumentException("unknown checkpoint " + n);
        };
    }

    private static String text(JsonNode n, String field) {
        JsonNode value = n.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode n, String field) {
        String value = text(n, field);
        return value == null ? null : Instant.parse(value);
    }
}
