package dev.samokoder.core.llm;

import dev.samokoder.core.models.ModelRef;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the gateway tells billing, and asks it: whether a user's plan lets them use the platform's
 * own provider (Bedrock, paid by the platform and charged to the user's credit), and each finished
 * call, which billing meters (every call) and charges (platform-paid calls only).
 */
public interface CallBilling {

    /** No plan limits, nothing metered: for tests and tools that run the gateway alone. */
    CallBilling NONE = new CallBilling() {
        @Override
        public boolean allowsPlatform(String userId) {
            return true;
        }

        @Override
        public void recordCall(CallScope scope, String callId, ModelRef model, TokenUsage usage, BigDecimal costUsd) {
        }
    };

    /** True when the user's plan allows calls on the platform's own provider, paid from their credit. */
    boolean allowsPlatform(String userId);

    /** A call that reached a provider and was settled in the ledger at {@code costUsd} (the price table's cost). */
    void recordCall(CallScope scope, String callId, ModelRef model, TokenUsage usage, BigDecimal costUsd);

    /** The platform model calls fall back to, if there is one. Given here so that one object wires both. */
    default Optional<ModelRef> platformModel() {
        return Optional.empty();
    }
}
