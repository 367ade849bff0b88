package dev.samokoder.local.sfn.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls the Lambda Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) at a configured
 * endpoint, the way the AWS SDK does with AWS_ENDPOINT_URL_LAMBDA. A response carrying
 * {@code X-Amz-Function-Error} becomes a task error named by the body's {@code errorType}, or
 * {@code Lambda.Unknown} when the body has none (a function timeout, say), with the cause AWS gives.
 * Requests are not SigV4-signed: the endpoint is a local stand-in or a signing proxy.
 */
public final class LambdaInvokeApiInvoker implements LambdaInvoker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LAMBDA_MAX_DURATION = Duration.ofMinutes(15);

    private final URI endpoint;
    private final HttpClient http;

    public LambdaInvokeApiInvoker(URI endpoint) {
        this.endpoint = endpoint;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public JsonNode invoke(String functionName, JsonNode payload) throws TaskFailedException {
        String base = endpoint.toString().replaceAll("/+$", "");
        URI uri = URI.create(base + "/2015-03-31/functions/" + URLEncoder.encode(functionName, StandardCharsets.UTF_8)
                + "/invocations");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(LAMBDA_MAX_DURATION)
                .header("Content-Type", "application/json")
                .header("X-Amz-Invocation-Type", "RequestResponse")
                .POST(HttpRequest.BodyPublishers.ofString(payload == null ? "null" : payload.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TaskFailedException("Lambda.SdkClientException", "Unable to reach " + uri + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException("Lambda.SdkClientException", "Interrupted while invoking " + functionName);
        }
        String body = response.body();
        if (response.statusCode() / 100 != 2) {
            throw new TaskFailedException("Lambda." + serviceErrorType(response), body);
        }
        if (response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
            JsonNode error = parse(body);
            String errorType = error.path("errorType").asText("");
            if (errorType.isEmpty()) {
                throw new TaskFailedException("Lambda.Unknown",
                        "The cause could not be determined because Lambda did not return an error type. Returned payload: " + body);
            }
            throw new TaskFailedException(errorType, body);
        }
        return body == null || body.isBlank() ? JsonNodeFactory.instance.nullNode() : parse(body);
    }

    private static String serviceErrorType(HttpResponse<String> response) {
        String header = response.headers().firstValue("x-amzn-ErrorType").orElse("");
        if (!header.isEmpty()) {
            return header.split(":")[0];
        }
        String type = parse(response.body()).path("__type").asText(parse(response.body()).path("Type").asText(""));
        if (!type.isEmpty()) {
            return type.substring(type.lastIndexOf('#') + 1);
        }
        return response.statusCode() == 404 ? "ResourceNotFoundException" : "ServiceException";
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JsonNodeFactory.instance.nullNode() : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(body);
        }
    }
}
