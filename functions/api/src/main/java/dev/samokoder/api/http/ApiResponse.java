package dev.samokoder.api.http;

import dev.samokoder.core.http.Json;
import dev.samokoder.core.http.Problem;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** What an operation answers: a status, headers and a body (JSON, bytes or nothing). */
public record ApiResponse(int status, Map<String, String> headers, String body, boolean base64) {

    public static ApiResponse json(int status, Object value) {
        try {
            return new ApiResponse(status, Map.of("Content-Type", "application/json"),
                    Json.mapper().writeValueAsString(value), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response bodies are plain records and always serialize", e);
        }
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), null, false);
    }

    public static ApiResponse bytes(int status, String contentType, byte[] content) {
        return new ApiResponse(status, Map.of("Content-Type", contentType), Base64.getEncoder().encodeToString(content), true);
    }

    public static ApiResponse problem(Problem problem) {
        return new ApiResponse(problem.status(), Map.of("Content-Type", Problem.CONTENT_TYPE), problem.toJson(), false);
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiResponse(status, Map.copyOf(more), body, base64);
    }

    APIGatewayV2HTTPResponse toEvent(Map<String, String> extraHeaders) {
        Map<String, String> all = new LinkedHashMap<>(extraHeaders);
        all.putAll(headers);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(body)
                .withIsBase64Encoded(base64)
                .build();
    }

    int bodyLength() {
        return body == null ? 0 : base64 ? body.length() * 3 / 4 : body.getBytes(StandardCharsets.UTF_8).length;
    }
}
