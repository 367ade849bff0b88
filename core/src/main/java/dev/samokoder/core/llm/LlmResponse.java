package dev.samokoder.core.llm;

import dev.samokoder.core.models.ModelRef;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * A model's answer, with what it cost: text, tool calls, or both.
 *
 * @param callId          the ledger entry of this call
 * @param truncated       true when the answer stopped at the output limit rather than where the model ended it
 * @param maxOutputTokens the output limit the call had (what a truncated answer ran into)
 * @param replayed        true when the answer came from a recorded transcript, not a model
 */
public record LlmResponse(String text, List<ToolCall> toolCalls, String callId, ModelRef model, TokenUsage usage, BigDecimal costUsd,
                          Duration latency, boolean truncated, int maxOutputTokens, boolean replayed) {

    public LlmResponse {
        toolCalls = List.copyOf(toolCalls);
    }

    @Override
    public String toString() { // answers stay out of logs
        return "LlmResponse[callId=" + callId + ", model=" + model + ", " + text.length() + " chars, " + toolCalls.size()
                + " tool call(s), " + usage + ", costUsd=" + costUsd.toPlainString() + ", replayed=" + replayed + "]";
    }
}
