package dev.samokoder.workflow.tools;

import java.util.Set;

/**
 * Which files a step may change. A CodeMonkey changes the one file its step names (parallel steps
 * never touch each other's files); the TechnicalWriter the README; planning agents and the fixers'
 * diagnosis change nothing (they get no write tools at all).
 */
public record WritePolicy(Set<String> paths) {

    public WritePolicy {
        paths = Set.copyOf(paths);
    }

    public static WritePolicy only(String path) {
        return new WritePolicy(Set.of(path));
    }

    public boolean allows(String path) {
        return paths.contains(path);
    }

    /** Why a change to {@code path} is refused, for the model. */
    public String refusal(String path) {
        return "in this step you may change only " + String.join(", ", paths.stream().sorted().toList())
                + "; " + path + " is another step's file. Read it if you need it, and describe the change it needs in your submit.";
    }
}
