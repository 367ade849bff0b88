package dev.samokoder.sandbox;

import dev.samokoder.core.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Sandbox run requests and results on S3: {@code sandbox-runs/<id>/request.json} and
 * {@code sandbox-runs/<id>/result.json}. The step that starts a run writes the request and passes
 * its key to the task; the task writes the result; the step after it reads the result. A run that
 * serves an app (a live preview on AWS) also writes where it serves, {@code serving.json}, once the
 * app listens, and the tail of its output so far, {@code log.txt}.
 */
public final class RunStore {

    static final String PREFIX = "sandbox-runs/";
    private static final Pattern REQUEST_KEY = Pattern.compile("sandbox-runs/[A-Za-z0-9_.:-]{1,128}/request\\.json");

    private final S3Client s3;
    private final String bucket;

    public RunStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    public static String requestKey(String id) {
        return PREFIX + id + "/request.json";
    }

    public static String resultKey(String id) {
        return PREFIX + id + "/result.json";
    }

    public String putRequest(RunRequest request) {
        String key = requestKey(request.id());
        put(key, request);
        return key;
    }

    public RunRequest getRequest(String key) {
        if (!REQUEST_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a sandbox run request key: " + key);
        }
        byte[] json;
        try {
            json = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new IllegalArgumentException("no sandbox run request at " + key, e);
        }
        RunRequest request = RunRequests.parse(json);
        if (!key.equals(requestKey(request.id()))) {
            throw new IllegalArgumentException("the request at " + key + " has id " + request.id());
        }
        return request;
    }

    /** Where a run's exposed port is reached (the task's address and the port), since when. */
    public record Serving(String endpoint, java.time.Instant since) {
    }

    public static String servingKey(String id) {
        return PREFIX + id + "/serving.json";
    }

    public static String logKey(String id) {
        return PREFIX + id + "/log.txt";
    }

    public void putServing(String id, Serving serving) {
        put(servingKey(id), serving);
    }

    public Optional<Serving> serving(String id) {
        return read(servingKey(id)).map(json -> {
            try {
                return Json.mapper().readValue(json, Serving.class);
            } catch (IOException e) {
                throw new UncheckedIOException("where sandbox run " + id + " serves is not readable", e);
            }
        });
    }

    public void putLog(String id, String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        s3.putObject(r -> r.bucket(bucket).key(logKey(id)).contentType("text/plain; charset=utf-8").contentLength((long) bytes.length),
                RequestBody.fromBytes(bytes));
    }

    public Optional<String> log(String id) {
        return read(logKey(id)).map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    private Optional<byte[]> read(String key) {
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    public void putResult(RunResult result) {
        put(resultKey(result.id()), result);
    }

    public Optional<RunResult> getResult(String id) {
        try {
            byte[] json = s3.getObjectAsBytes(r -> r.bucket(bucket).key(resultKey(id))).asByteArray();
            return Optional.of(Json.mapper().readValue(json, RunResult.class));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("the result of sandbox run " + id + " is not readable", e);
        }
    }

    private void put(String key, Object value) {
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sandbox records always serialize", e);
        }
        s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json").contentLength((long) json.length),
                RequestBody.fromBytes(json));
    }
}
