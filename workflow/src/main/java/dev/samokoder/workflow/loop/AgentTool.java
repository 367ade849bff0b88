package dev.samokoder.workflow.loop;

import dev.samokoder.core.llm.ToolSpec;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One thing an agent can do in its step's loop: read, search or change the project's files. Its
 * spec is what the model reads; its arguments arrive checked against the spec's schema.
 */
public interface AgentTool {

    ToolSpec spec();

    /** True when it only reads: planning agents and the fixers' diagnosis get only such tools. */
    boolean readOnly();

    /** Runs the call; a refusal is an outcome with {@code error}, never an exception (the model reads why). */
    ToolOutcome run(JsonNode arguments, StepMemory memory);
}
