package dev.samokoder.shared.llm.provider;

import dev.samokoder.shared.llm.TokenUsage;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's answer.
 *
 * @param usage     what the provider reported; empty when it reported nothing (some compatible servers), and the gateway counts
 * @param truncated the answer stopped at the output limit
 */
public record ProviderResponse(String text, Optional<TokenUsage> usage, boolean truncated) {

    public ProviderResponse {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(usage, "usage");
    }
}
