package dev.samokoder.local.sfn.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/**
 * One event of GetExecutionHistory. {@code details} is the single {@code *EventDetails} member of the
 * API shape, e.g. {@code {"stateEnteredEventDetails": {"name": "A", "input": "{}"}}}, or empty.
 */
public record HistoryEvent(long id, long previousEventId, Instant timestamp, String type, ObjectNode details) {
}
