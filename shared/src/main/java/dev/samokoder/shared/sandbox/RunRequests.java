package dev.samokoder.shared.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.samokoder.shared.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Parses a run request strictly: unknown fields, wrong types and invalid values are all refused. */
public final class RunRequests {

    private RunRequests() {
    }

    public static RunRequest parse(byte[] json) {
        try {
            return Json.mapper().readValue(json, RunRequest.class);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalArgumentException("invalid sandbox run request: " + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid sandbox run request: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RunRequest parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
