package dev.samokoder.sandbox;

import dev.samokoder.core.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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

    /**
     * The request a sandbox task was started with, from its runner container's environment: the
     * S3 key of the request, or the request itself (see {@link SandboxTaskContract}).
     */
    public static RunRequest fromTaskEnvironment(Map<String, String> environment, RunStore runs) {
        String key = environment.get(SandboxTaskContract.REQUEST_KEY_VARIABLE);
        if (key != null) {
            return runs.getRequest(key);
        }
        String json = environment.get(SandboxTaskContract.REQUEST_VARIABLE);
        if (json != null) {
            return parse(json);
        }
        throw new IllegalArgumentException("the runner's environment has neither " + SandboxTaskContract.REQUEST_KEY_VARIABLE
                + " nor " + SandboxTaskContract.REQUEST_VARIABLE);
    }

    public static RunRequest parse(String json) {
        return parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
