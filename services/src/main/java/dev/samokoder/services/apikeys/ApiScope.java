package dev.samokoder.services.apikeys;

import java.util.Arrays;
import java.util.Optional;

/**
 * What an API key may do. Each route that programs may call names the one scope it needs (the
 * route table is the single list); routes without a scope (managing keys, stored LLM keys,
 * administration) are for a signed-in user only, so a leaked key cannot mint more keys.
 */
public enum ApiScope {
    PROJECTS_READ("projects:read"),
    PROJECTS_WRITE("projects:write"),
    RUNS_WRITE("runs:write"),
    USAGE_READ("usage:read");

    private final String wireName;

    ApiScope(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<ApiScope> fromWireName(String name) {
        return Arrays.stream(values()).filter(scope -> scope.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
