package dev.samokoder.sandbox;

import java.util.Objects;

/**
 * Whether changes to the files a glob matches are written back to the snapshot. Globs are
 * workspace-relative: {@code *} and {@code ?} stay inside one path segment, {@code **} spans any
 * number of segments ({@code node_modules/**}, {@code **}{@code /__pycache__/**}).
 */
public record KeepRule(Action action, String pattern) {

    public enum Action {
        KEEP,
        DROP
    }

    public KeepRule {
        Objects.requireNonNull(action, "action");
        if (pattern == null || pattern.isBlank() || pattern.startsWith("/")) {
            throw new IllegalArgumentException("a keep rule needs a workspace-relative glob, got '" + pattern + "'");
        }
    }

    public static KeepRule keep(String pattern) {
        return new KeepRule(Action.KEEP, pattern);
    }

    public static KeepRule drop(String pattern) {
        return new KeepRule(Action.DROP, pattern);
    }
}
