package dev.samokoder.core.ledger;

import dev.samokoder.core.llm.Exchange;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One recorded model call, as the ledger holds it (see docs/data-model.md, item "LLM call").
 *
 * @param agentCall             the call's number among its agent's calls in the run, if it took one (calls that name no exchange)
 * @param exchange              the agent's step and round the call answered, if it named them (every agent step's call does)
 * @param estimatedPromptTokens the gateway's count before the call (what was reserved against)
 * @param promptTokens          the provider's count, cached tokens included; 0 until settled
 * @param reservedUsd           the maximum cost held while the call ran
 * @param costUsd               the actual cost from the price table; 0 until settled, and for failed and refused calls
 */
public record LlmCall(String callId, String runId, String projectId, String userId, String agent, String provider,
                      String model, OptionalInt agentCall, Optional<Exchange> exchange, CallOutcome outcome, long estimatedPromptTokens,
                      int maxOutputTokens, long promptTokens, long cachedTokens, long completionTokens,
                      boolean usageEstimated, BigDecimal reservedUsd, BigDecimal costUsd, Optional<Duration> latency,
                      boolean truncated, Optional<String> error, Instant startedAt, Optional<Instant> finishedAt) {

    public boolean replayed() {
        return "replay".equals(provider);
    }
}
