package dev.samokoder.shared.llm.ledger;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One recorded model call, as the ledger holds it (see docs/data-model.md, item "LLM call").
 *
 * @param estimatedPromptTokens the gateway's count before the call (what was reserved against)
 * @param promptTokens          the provider's count, cached tokens included; 0 until settled
 * @param reservedUsd           the maximum cost held while the call ran
 * @param costUsd               the actual cost from the price table; 0 until settled, and for failed and refused calls
 */
public record LlmCall(String callId, String runId, String projectId, String userId, String agent, String provider,
                      String model, OptionalInt agentCall, CallOutcome outcome, long estimatedPromptTokens,
                      int maxOutputTokens, long promptTokens, long cachedTokens, long completionTokens,
                      boolean usageEstimated, BigDecimal reservedUsd, BigDecimal costUsd, Optional<Duration> latency,
                      boolean truncated, Optional<String> error, Instant startedAt, Optional<Instant> finishedAt) {

    public boolean replayed() {
        return "replay".equals(provider);
    }
}
