package dev.samokoder.local.sfn.tasks;

import com.fasterxml.jackson.databind.JsonNode;

/** An AWS service integration other than Lambda and ECS, e.g. arn:aws:states:::sqs:sendMessage. */
@FunctionalInterface
public interface ServiceIntegration {

    JsonNode call(JsonNode parameters) throws TaskFailedException;
}
