package dev.samokoder.local.sfn.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/** A Lambda function body run in-process: the same handler class the deployed Lambda runs. */
@FunctionalInterface
public interface LambdaHandler {

    JsonNode handle(JsonNode payload, FunctionContext context) throws Exception;
}
