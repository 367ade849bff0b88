package dev.samokoder.core.ledger;

import dev.samokoder.core.llm.TokenUsage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How a reserved call ended, as the ledger settles it.
 *
 * @param agentCall the call's number among its agent's calls in the run (from 0), if it took one (a call that names its
 *                  exchange takes none)
 * @param error     the named error's code when the call failed
 */
public record CallResult(CallOutcome outcome, TokenUsage usage, BigDecimal costUsd, Duration latency, boolean truncated,
                         OptionalInt agentCall, Optional<String> error) {

    public CallResult {
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(costUsd, "costUsd");
        if (outcome != CallOutcome.SUCCEEDED && outcome != CallOutcome.FAILED) {
            throw new IllegalArgumentException("a call settles as SUCCEEDED or FAILED, not " + outcome);
        }
    }

    public static CallResult succeeded(TokenUsage usage, BigDecimal costUsd, Duration latency, boolean truncated, OptionalInt agentCall) {
        return new CallResult(CallOutcome.SUCCEEDED, usage, costUsd, latency, truncated, agentCall, Optional.empty());
    }

    /** The model answered, so the provider billed it, but the answer cannot be used. */
    public static CallResult unusable(TokenUsage usage, BigDecimal costUsd, Duration latency, boolean truncated, OptionalInt agentCall,
                                      String errorCode) {
        return new CallResult(CallOutcome.FAILED, usage, costUsd, latency, truncated, agentCall, Optional.of(errorCode));
    }

    /** A failed call costs nothing: providers do not bill requests they refuse or fail. */
    public static CallResult failed(String errorCode, Duration latency, OptionalInt agentCall) {
        return new CallResult(CallOutcome.FAILED, new TokenUsage(0, 0, 0, false), BigDecimal.ZERO, latency, false,
                agentCall, Optional.of(errorCode));
    }
}
