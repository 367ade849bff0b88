package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samokoder.local.sfn.engine.time.EngineScheduler;
import dev.samokoder.local.sfn.store.ExecutionStore;
import dev.samokoder.local.sfn.store.HistoryEvent;

/** Numbers and persists the history events of one execution; nothing is recorded after it closes. */
final class HistoryRecorder {

    private final String executionArn;
    private final ExecutionStore store;
    private final EngineScheduler scheduler;
    private long lastId;
    private boolean closed;

    HistoryRecorder(String executionArn, ExecutionStore store, EngineScheduler scheduler, long lastId) {
        this.executionArn = executionArn;
        this.store = store;
        this.scheduler = scheduler;
        this.lastId = lastId;
    }

    static ObjectNode details() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** @param detailsField the API member name, e.g. "stateEnteredEventDetails"; null for events without details */
    synchronized void record(String type, String detailsField, ObjectNode details) {
        if (closed) {
            return;
        }
        ObjectNode wrapper = JsonNodeFactory.instance.objectNode();
        if (detailsField != null) {
            wrapper.set(detailsField, details);
        }
        long id = ++lastId;
        store.appendHistory(executionArn, new HistoryEvent(id, id - 1, scheduler.now(), type, wrapper));
    }

    /** Records the final event and refuses any later one, e.g. from a branch still unwinding after a stop. */
    synchronized boolean recordFinal(String type, String detailsField, ObjectNode details) {
        if (closed) {
            return false;
        }
        record(type, detailsField, details);
        closed = true;
        return true;
    }

    void stateEntered(String stateType, String name, JsonNode input) {
        ObjectNode details = details().put("name", name).put("input", input.toString());
        details.putObject("inputDetails").put("truncated", false);
        record(stateType + "StateEntered", "stateEnteredEventDetails", details);
    }

    void stateExited(String stateType, String name, JsonNode output) {
        ObjectNode details = details().put("name", name).put("output", output.toString());
        details.putObject("outputDetails").put("truncated", false);
        record(stateType + "StateExited", "stateExitedEventDetails", details);
    }
}
