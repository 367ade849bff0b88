package dev.samokoder.llm.replay;

import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.llm.ToolCall;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One recorded answer and the exchange it answered: the agent, its step and the round of the
 * step's tool loop. The replay model gives it to the call that asks for the same exchange.
 *
 * @param usage what the provider reported when it was recorded, if anything
 */
public record RecordedExchange(String agent, Exchange exchange, String text, List<ToolCall> toolCalls, Optional<TokenUsage> usage,
                               boolean truncated) {

    public RecordedExchange {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(text, "text");
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(usage, "usage");
    }

    /** Where the exchange sits in a transcript: agent, step and round. */
    public String key() {
        return key(agent, exchange);
    }

    static String key(String agent, Exchange exchange) {
        return agent + " · " + exchange.step() + " · round " + exchange.round();
    }
}
