package dev.samokoder.tools.demo;

import dev.samokoder.core.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** The HTTP API as the demo and the workflow benchmark use it: a signed-up user's calls, each expecting one status. */
public final class DemoClient {

    private static final String PASSWORD = "demo password, not secret";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private String token;

    public DemoClient(String base) {
        this.base = base;
    }

    /** Registers a new user and signs in as them; returns the email. */
    public String signUp(String prefix) throws IOException, InterruptedException {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        call("POST", "/v1/auth/register", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", 201);
        token = call("POST", "/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\"}", 200)
                .path("accessToken").asText();
        return email;
    }

    /**
     * One call; a 429 is waited out as the platform asks ({@code Retry-After}, else a second), a
     * bounded number of times, as a polite client does while it follows a long run.
     */
    public JsonNode call(String method, String path, String json, int expected) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (int waits = 0; response.statusCode() == 429 && waits < MAX_RATE_LIMIT_WAITS; waits++) {
            long seconds = response.headers().firstValue("Retry-After").flatMap(DemoClient::seconds).orElse(1L);
            Thread.sleep(Math.min(seconds, 30) * 1_000);
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        if (response.statusCode() != expected) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return Json.mapper().readTree(response.body());
    }

    private static final int MAX_RATE_LIMIT_WAITS = 20;

    private static java.util.Optional<Long> seconds(String value) {
        try {
            return java.util.Optional.of(Math.max(1, Long.parseLong(value.strip())));
        } catch (NumberFormatException notSeconds) {
            return java.util.Optional.empty();
        }
    }

    public HttpResponse<InputStream> download(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }
}
