package dev.samokoder.core.domain;

import java.nio.charset.StandardCharsets;

/**
 * A file's path inside a project's workspace: relative, '/'-separated, and unable to leave the
 * workspace. It is checked, not cleaned up: a path with {@code ..}, a leading '/', a backslash,
 * an empty or '.' segment or a control character is refused, so the path a user or a model gives
 * is always exactly the path stored (the old system's path traversal is impossible by type).
 */
public record WorkspacePath(String value) implements Comparable<WorkspacePath> {

    public static final int MAX_BYTES = 1024;
    public static final int MAX_SEGMENT_BYTES = 255;
    public static final int MAX_DEPTH = 32;

    public WorkspacePath {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException("invalid path '" + printable(value) + "': " + problem);
        }
    }

    public static WorkspacePath of(String value) {
        return new WorkspacePath(value);
    }

    /** Why the path is refused, or null if it is fine. */
    public static String problem(String value) {
        if (value == null || value.isEmpty()) {
            return "it is empty";
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "it is longer than " + MAX_BYTES + " bytes";
        }
        if (value.startsWith("/")) {
            return "it must be relative (no leading '/')";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "it contains a control character";
            }
            if (c == '\\') {
                return "it contains a backslash; use '/'";
            }
        }
        String[] segments = value.split("/", -1);
        if (segments.length > MAX_DEPTH) {
            return "it is nested deeper than " + MAX_DEPTH + " folders";
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return "it has an empty segment (a trailing '/' or '//')";
            }
            if (segment.equals(".") || segment.equals("..")) {
                return "it has a '" + segment + "' segment";
            }
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                return "a segment is longer than " + MAX_SEGMENT_BYTES + " bytes";
            }
        }
        return null;
    }

    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public int compareTo(WorkspacePath other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
