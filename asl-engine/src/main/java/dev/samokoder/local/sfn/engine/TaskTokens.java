package dev.samokoder.local.sfn.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Task tokens waiting for SendTaskSuccess / SendTaskFailure. A token is opaque to callers but names its
 * execution, so a token that is well-formed but no longer waiting can be told apart from garbage.
 */
final class TaskTokens {

    private static final String PREFIX = "sfnlocal1";

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /**
     * One waiting task: its execution and the checkpoint key of its state visit. {@code heartbeat} is replaced by
     * the task runner to restart its heartbeat timer.
     */
    static final class Pending {
        final String executionArn;
        final String key;
        final CompletableFuture<JsonNode> result = new CompletableFuture<>();
        volatile Runnable heartbeat = () -> { };

        Pending(String executionArn, String key) {
            this.executionArn = executionArn;
            this.key = key;
        }
    }

    static String newToken(String executionArn, String key) {
        String raw = PREFIX + "\n" + executionArn + "\n" + key + "\n" + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** True when the token was issued by this engine, whether or not it is still waiting. */
    static boolean isWellFormed(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return raw.startsWith(PREFIX + "\n") && raw.split("\n").length == 4;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Registers a token, or returns the existing registration made while recovering after a restart. */
    Pending register(String token, String executionArn, String key) {
        return pending.computeIfAbsent(token, t -> new Pending(executionArn, key));
    }

    Pending find(String token) {
        return token == null ? null : pending.get(token);
    }

    void remove(String token) {
        pending.remove(token);
    }

    void removeExecution(String executionArn) {
        pending.values().removeIf(p -> p.executionArn.equals(executionArn));
    }
}
