package dev.samokoder.core.llm;

import java.util.Objects;

/**
 * A model's request to run one tool: the provider's id for the call (a tool result answers it by
 * this id), the tool's name and its arguments as the JSON text the model wrote. The arguments are
 * not parsed here: an answer cut at the output limit may hold JSON that does not close, and the
 * step that runs the tool says so to the model.
 */
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }

    @Override
    public String toString() { // arguments hold file contents: they stay out of logs
        return "ToolCall[" + id + ", " + name + ", " + arguments.length() + " chars]";
    }
}
