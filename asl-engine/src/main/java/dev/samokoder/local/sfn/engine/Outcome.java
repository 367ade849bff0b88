package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;

/** A state's output and the state to run next; {@code next} is null when the state ends its graph. */
record Outcome(JsonNode output, String next) {
}
