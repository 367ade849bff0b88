package dev.samokoder.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}).
 * {@code type} is a stable URI per kind of error that clients may switch on; the text fields are
 * for people; {@code extensions} carries members such as {@code errors} (field errors) or
 * {@code currentVersion}. Never a stack trace.
 */
public record Problem(String type, String title, int status, String detail, Map<String, Object> extensions) {

    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://samokoder.dev/problems/";

    public Problem {
        extensions = Map.copyOf(extensions);
    }

    /** A problem whose type is {@code https://samokoder.dev/problems/<slug>}. */
    public static Problem of(String slug, String title, int status, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, Map.of());
    }

    public Problem with(String member, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extensions);
        more.put(member, value);
        return new Problem(type, title, status, detail, more);
    }

    public String toJson() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        extensions.forEach(body::putIfAbsent);
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("problem members are plain values and always serialize", e);
        }
    }
}
