package dev.samokoder.core.llm;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One call to a model: the conversation to send, the tools the model may call, and for whom.
 *
 * @param maxOutputTokens the most tokens the answer may have; empty = the configured default
 *                        ({@code SAMOKODER_LLM_MAX_OUTPUT_TOKENS}), never more than the model allows
 * @param temperature     sampling temperature; empty = the provider's default
 * @param tools           the tools the model may call (none: it answers in text)
 * @param toolChoice      whether it must call one of them
 * @param exchange        which exchange of the run this is (a replay answers by it); empty = the
 *                        agent's calls in order ({@code call · round n})
 */
public record LlmRequest(CallScope scope, List<LlmMessage> messages, OptionalInt maxOutputTokens, OptionalDouble temperature,
                         List<ToolSpec> tools, ToolChoice toolChoice, Optional<Exchange> exchange) {

    public LlmRequest {
        Objects.requireNonNull(scope, "scope");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a request needs at least one message");
        }
        Objects.requireNonNull(maxOutputTokens, "maxOutputTokens");
        Objects.requireNonNull(temperature, "temperature");
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolChoice, "toolChoice");
        Objects.requireNonNull(exchange, "exchange");
        maxOutputTokens.ifPresent(max -> {
            if (max <= 0) {
                throw new IllegalArgumentException("maxOutputTokens must be positive, got " + max);
            }
        });
        if (toolChoice == ToolChoice.REQUIRED && tools.isEmpty()) {
            throw new IllegalArgumentException("a request that requires a tool call needs tools");
        }
        if (tools.stream().map(ToolSpec::name).distinct().count() != tools.size()) {
            throw new IllegalArgumentException("two tools of a request have the same name");
        }
    }

    public static LlmRequest of(CallScope scope, List<LlmMessage> messages) {
        return new LlmRequest(scope, messages, OptionalInt.empty(), OptionalDouble.empty(), List.of(), ToolChoice.AUTO, Optional.empty());
    }

    public LlmRequest withMaxOutputTokens(int max) {
        return new LlmRequest(scope, messages, OptionalInt.of(max), temperature, tools, toolChoice, exchange);
    }

    public LlmRequest withTemperature(double value) {
        return new LlmRequest(scope, messages, maxOutputTokens, OptionalDouble.of(value), tools, toolChoice, exchange);
    }

    public LlmRequest withTools(List<ToolSpec> newTools, ToolChoice choice) {
        return new LlmRequest(scope, messages, maxOutputTokens, temperature, newTools, choice, exchange);
    }

    public LlmRequest withExchange(Exchange value) {
        return new LlmRequest(scope, messages, maxOutputTokens, temperature, tools, toolChoice, Optional.of(value));
    }
}
