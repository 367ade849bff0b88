package dev.samokoder.local.sfn.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place where function names map to in-process handlers. A thrown exception becomes a function
 * error whose name is {@link NamedError#errorName()} or, as AWS's Java runtime reports it, the exception's
 * fully qualified class name; its cause is the Lambda error document {@code {"errorMessage": ..., "errorType": ...}}.
 * So a Catch written for the deployed Java Lambdas matches the same error here.
 */
public final class InProcessFunctions {

    private final Map<String, LambdaHandler> handlers = new ConcurrentHashMap<>();

    public InProcessFunctions register(String functionName, LambdaHandler handler) {
        handlers.put(functionName, handler);
        return this;
    }

    public boolean contains(String functionName) {
        return handlers.containsKey(functionName);
    }

    public Optional<JsonNode> invoke(String functionName, JsonNode payload) throws TaskFailedException {
        LambdaHandler handler = handlers.get(functionName);
        if (handler == null) {
            return Optional.empty();
        }
        try {
            JsonNode result = handler.handle(payload, new FunctionContext(functionName, UUID.randomUUID().toString()));
            return Optional.of(result == null ? JsonNodeFactory.instance.nullNode() : result);
        } catch (TaskFailedException e) {
            throw e;
        } catch (Exception e) {
            String errorType = e instanceof NamedError named ? named.errorName() : e.getClass().getName();
            throw new TaskFailedException(errorType, errorDocument(errorType, e.getMessage()));
        }
    }

    static String errorDocument(String errorType, String message) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("errorMessage", message);
        document.put("errorType", errorType);
        return document.toString();
    }
}
