package dev.samokoder.shared.llm;

import dev.samokoder.shared.llm.model.ModelRef;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A model's answer, with what it cost.
 *
 * @param callId    the ledger entry of this call
 * @param truncated true when the answer stopped at the output limit rather than where the model ended it
 * @param replayed  true when the answer came from a recorded transcript, not a model
 */
public record LlmResponse(String text, String callId, ModelRef model, TokenUsage usage, BigDecimal costUsd,
                          Duration latency, boolean truncated, boolean replayed) {

    @Override
    public String toString() { // answers stay out of logs
        return "LlmResponse[callId=" + callId + ", model=" + model + ", " + text.length() + " chars, " + usage
                + ", costUsd=" + costUsd.toPlainString() + ", replayed=" + replayed + "]";
    }
}
