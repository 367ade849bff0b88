package dev.samokoder.llm.provider;

import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.llm.ToolCall;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's answer: text, tool calls, or both.
 *
 * @param usage     what the provider reported; empty when it reported nothing (some compatible servers), and the gateway counts
 * @param truncated the answer stopped at the output limit
 */
public record ProviderResponse(String text, List<ToolCall> toolCalls, Optional<TokenUsage> usage, boolean truncated) {

    public ProviderResponse {
        Objects.requireNonNull(text, "text");
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(usage, "usage");
    }

    /** A text answer. */
    public ProviderResponse(String text, Optional<TokenUsage> usage, boolean truncated) {
        this(text, List.of(), usage, truncated);
    }
}
