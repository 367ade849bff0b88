package dev.samokoder.local.sfn.asl;

import com.fasterxml.jackson.databind.JsonNode;

/** A loaded and validated state machine: its top-level graph and the optional execution timeout. */
public record StateMachineDefinition(StateGraph graph, Integer timeoutSeconds, JsonNode source) {
}
