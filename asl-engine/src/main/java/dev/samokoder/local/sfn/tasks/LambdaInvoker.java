package dev.samokoder.local.sfn.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/** Invokes a Lambda function by name with a JSON payload and returns its JSON result. */
public interface LambdaInvoker {

    JsonNode invoke(String functionName, JsonNode payload) throws TaskFailedException;
}
