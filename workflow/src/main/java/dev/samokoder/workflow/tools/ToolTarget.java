package dev.samokoder.workflow.tools;

import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.workflow.loop.ToolOutcome;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The file a tool call names, or why the call is refused before it touches anything: a path
 * that is not a workspace path, another step's file, a binary file. Every file tool starts here,
 * so they refuse alike.
 */
record ToolTarget(Optional<WorkspacePath> path, Optional<ToolOutcome> refusal) {

    /** The file named by {@code field}. */
    static ToolTarget named(JsonNode arguments, String field) {
        Optional<WorkspacePath> path = ToolSchema.path(arguments, field);
        return path.isPresent()
                ? new ToolTarget(path, Optional.empty())
                : new ToolTarget(Optional.empty(), Optional.of(ToolOutcome.error(ToolSchema.pathProblem(arguments, field), null)));
    }

    /** The file named by {@code field}, when the step may change it. */
    static ToolTarget changeable(JsonNode arguments, String field, WritePolicy policy) {
        ToolTarget target = named(arguments, field);
        if (target.refused() || policy.allows(target.name())) {
            return target;
        }
        return new ToolTarget(Optional.empty(), Optional.of(ToolOutcome.error(policy.refusal(target.name()), target.name())));
    }

    boolean refused() {
        return refusal.isPresent();
    }

    WorkspacePath get() {
        return path.orElseThrow();
    }

    String name() {
        return path.orElseThrow().value();
    }

    /** The file's text now, empty when it does not exist; a binary file is a refusal ({@code why} says what cannot be done to it). */
    Text text(ProjectFiles files, String why) {
        try {
            return new Text(files.text(get()), Optional.empty());
        } catch (ProjectFiles.BinaryFileException binary) {
            return new Text(Optional.empty(), Optional.of(ToolOutcome.error(binary.getMessage() + why, name())));
        }
    }

    /** A file's text, or the refusal of a binary one. */
    record Text(Optional<String> content, Optional<ToolOutcome> refusal) {
    }
}
