package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.samokoder.local.sfn.tasks.TaskFailedException;
import dev.samokoder.local.sfn.tasks.TaskIntegrations;
import dev.samokoder.local.sfn.tasks.TaskResource;

import java.util.Arrays;
import java.util.UUID;

/** Sends a task's parameters to the integration its resource names and shapes the response as AWS does. */
final class TaskDispatch {

    private TaskDispatch() {
    }

    static JsonNode dispatch(TaskIntegrations integrations, TaskResource resource, JsonNode parameters) throws TaskFailedException {
        return switch (resource.kind()) {
            case LAMBDA_INVOKE -> {
                String functionName = functionName(parameters.path("FunctionName").asText(""));
                if (functionName.isEmpty()) {
                    throw new TaskFailedException(ErrorNames.RUNTIME, "arn:aws:states:::lambda:invoke needs Parameters.FunctionName");
                }
                JsonNode payload = parameters.has("Payload") ? parameters.get("Payload") : JsonNodeFactory.instance.objectNode();
                JsonNode result = integrations.invokeLambda(functionName, payload);
                yield invokeResponse(result);
            }
            case LAMBDA_FUNCTION -> integrations.invokeLambda(resource.target(), parameters);
            case ECS_RUN_TASK -> {
                if (resource.pattern() != TaskResource.Pattern.SYNC) {
                    throw new TaskFailedException(ErrorNames.RUNTIME, "The local engine runs ECS tasks only as arn:aws:states:::ecs:runTask.sync");
                }
                yield integrations.runEcsTask(parameters);
            }
            case SERVICE -> integrations.callService(resource.target(), parameters);
            case ACTIVITY -> throw new TaskFailedException(ErrorNames.RUNTIME, "Activities are not supported by the local engine: " + resource.arn());
        };
    }

    /** Accepts a name, name:qualifier, a partial ARN (account:function:name) or a full function ARN. */
    static String functionName(String functionName) {
        String[] parts = functionName.split(":");
        int functionIndex = Arrays.asList(parts).indexOf("function");
        if (functionIndex >= 0 && functionIndex + 1 < parts.length) {
            return parts[functionIndex + 1];
        }
        return parts[0];
    }

    private static JsonNode invokeResponse(JsonNode payload) {
        String requestId = UUID.randomUUID().toString();
        ObjectNode response = JsonNodeFactory.instance.objectNode();
        response.put("ExecutedVersion", "$LATEST");
        response.set("Payload", payload);
        ObjectNode http = response.putObject("SdkHttpMetadata");
        ObjectNode headers = http.putObject("HttpHeaders");
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Executed-Version", "$LATEST");
        headers.put("x-amzn-RequestId", requestId);
        http.set("AllHttpHeaders", JsonNodeFactory.instance.objectNode());
        http.put("HttpStatusCode", 200);
        response.putObject("SdkResponseMetadata").put("RequestId", requestId);
        response.put("StatusCode", 200);
        return response;
    }
}
