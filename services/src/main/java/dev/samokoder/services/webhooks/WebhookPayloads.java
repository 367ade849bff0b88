package dev.samokoder.services.webhooks;

import dev.samokoder.core.http.Json;
import dev.samokoder.core.validation.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Optional;

/**
 * Turns a verified delivery's payload into the change request of a run. Only called after the
 * signature checked out, so nothing here runs on an unauthenticated body.
 */
public final class WebhookPayloads {

    /** Longest change request a delivery may carry (the project description's limit). */
    public static final int MAX_REQUEST = 20_000;

    private WebhookPayloads() {
    }

    /**
     * @param gitHubEvent the {@code X-GitHub-Event} header, for GitHub triggers
     * @return the request, or empty when the delivery is not one that starts a run (a GitHub ping,
     *         an issue closed): it is acknowledged and dropped
     * @throws ValidationException when the payload cannot be read as the source's
     */
    public static Optional<String> request(WebhookSource source, byte[] body, Optional<String> gitHubEvent) {
        JsonNode payload = parse(body);
        return switch (source) {
            case GENERIC -> Optional.of(generic(payload));
            case GITHUB -> gitHub(payload, gitHubEvent.orElse(""));
        };
    }

    private static String generic(JsonNode payload) {
        JsonNode request = payload.get("request");
        if (request == null || !request.isTextual() || request.asText().isBlank()) {
            throw ValidationException.of("request", "is required: a string saying what to change");
        }
        return bounded(request.asText().strip(), "request");
    }

    private static Optional<String> gitHub(JsonNode payload, String event) {
        if (!event.equals("issues") || !"opened".equals(payload.path("action").asText())) {
            return Optional.empty();
        }
        JsonNode issue = payload.path("issue");
        String title = issue.path("title").asText("").strip();
        if (title.isEmpty()) {
            throw ValidationException.of("issue.title", "is required in an issues event");
        }
        StringBuilder request = new StringBuilder("GitHub issue");
        if (issue.path("number").isIntegralNumber()) {
            request.append(" #").append(issue.path("number").asLong());
        }
        request.append(": ").append(title);
        String text = issue.path("body").asText("").strip();
        if (!text.isEmpty()) {
            request.append("\n\n").append(text);
        }
        String url = issue.path("html_url").asText("");
        if (url.startsWith("https://")) {
            request.append("\n\n").append(url);
        }
        return Optional.of(bounded(request.toString(), "issue.body"));
    }

    private static String bounded(String request, String field) {
        if (request.codePointCount(0, request.length()) > MAX_REQUEST) {
            throw ValidationException.of(field, "must be at most " + MAX_REQUEST + " characters");
        }
        return request;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode payload = Json.mapper().readTree(body);
            if (payload == null || !payload.isObject()) {
                throw ValidationException.of("body", "must be a JSON object");
            }
            return payload;
        } catch (IOException e) {
            throw ValidationException.of("body", "is not valid JSON");
        }
    }
}
