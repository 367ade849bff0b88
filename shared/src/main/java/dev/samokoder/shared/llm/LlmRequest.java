package dev.samokoder.shared.llm;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One call to a model: the conversation to send, and for whom.
 *
 * @param maxOutputTokens the most tokens the answer may have; empty = the configured default
 *                        ({@code SAMOKODER_LLM_MAX_OUTPUT_TOKENS}), never more than the model allows
 * @param temperature     sampling temperature; empty = the provider's default
 */
public record LlmRequest(CallScope scope, List<LlmMessage> messages, OptionalInt maxOutputTokens, OptionalDouble temperature) {

    public LlmRequest {
        Objects.requireNonNull(scope, "scope");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one message");
        }
        Objects.requireNonNull(maxOutputTokens, "maxOutputTokens");
        Objects.requireNonNull(temperature, "temperature");
        maxOutputTokens.ifPresent(max -> {
            if (max <= 0) {
                throw new IllegalArgumentException("maxOutputTokens must be positive, got " + max);
            }
        });
    }

    public static LlmRequest of(CallScope scope, List<LlmMessage> messages) {
        return new LlmRequest(scope, messages, OptionalInt.empty(), OptionalDouble.empty());
    }

    public LlmRequest withMaxOutputTokens(int max) {
        return new LlmRequest(scope, messages, OptionalInt.of(max), temperature);
    }

    public LlmRequest withTemperature(double value) {
        return new LlmRequest(scope, messages, maxOutputTokens, OptionalDouble.of(value));
    }
}
