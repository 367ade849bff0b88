package dev.samokoder.local.sfn.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/** One conformance case file: a definition, an input, scripted tasks and the expected outcome. */
record ConformanceCase(String file, JsonNode json) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ConformanceCase load(String file) {
        try (InputStream in = Objects.requireNonNull(ConformanceCase.class.getResourceAsStream("/conformance/" + file), file)) {
            return new ConformanceCase(file, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String source() {
        return json.path("source").asText();
    }

    JsonNode definition() {
        return json.get("definition");
    }

    JsonNode input() {
        return json.has("input") ? json.get("input") : JSON.createObjectNode();
    }

    JsonNode tasks() {
        return json.has("tasks") ? json.get("tasks") : JSON.createObjectNode();
    }

    static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Override
    public String toString() {
        return file;
    }
}
