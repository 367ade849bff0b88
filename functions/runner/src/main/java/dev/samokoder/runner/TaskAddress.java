package dev.samokoder.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.core.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** This Fargate task's private address, from the ECS task metadata endpoint (v4). */
final class TaskAddress {

    static final String METADATA_VARIABLE = "ECS_CONTAINER_METADATA_URI_V4";

    private TaskAddress() {
    }

    static String ofThisTask() {
        String base = System.getenv(METADATA_VARIABLE);
        if (base == null) {
            return "127.0.0.1"; // not in a task (a developer trying the main): the app is on this machine
        }
        return of(URI.create(base + "/task"));
    }

    /** The first IPv4 address of the first container's network in the task metadata at {@code task}. */
    static String of(URI task) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(task).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode address = Json.mapper().readTree(response.body()).path("Containers").path(0).path("Networks").path(0)
                    .path("IPv4Addresses").path(0);
            if (!address.isTextual()) {
                throw new IllegalStateException("the task metadata at " + task + " has no IPv4 address");
            }
            return address.asText();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the task metadata at " + task, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the task metadata", e);
        }
    }
}
