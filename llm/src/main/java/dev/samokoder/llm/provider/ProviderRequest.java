package dev.samokoder.llm.provider;

import dev.samokoder.core.llm.Exchange;
import dev.samokoder.core.llm.LlmMessage;
import dev.samokoder.core.llm.ToolChoice;
import dev.samokoder.core.llm.ToolSpec;
import dev.samokoder.core.models.ModelCapabilities;
import dev.samokoder.core.models.ModelRef;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What the gateway asks a provider, after it chose the model, fitted the context and reserved the cost.
 *
 * @param capabilities what the model can do natively (a provider that can enforce a schema on the
 *                     answer may use it for a request whose only tool is required)
 * @param agent        the agent the call is for
 * @param exchange     which exchange of the run this is (a replay answers by it, a recording keeps it)
 */
public record ProviderRequest(ModelRef model, ModelCapabilities capabilities, List<LlmMessage> messages, int maxOutputTokens,
                              OptionalDouble temperature, List<ToolSpec> tools, ToolChoice toolChoice, String agent, Exchange exchange) {

    public ProviderRequest {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(capabilities, "capabilities");
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        Objects.requireNonNull(toolChoice, "toolChoice");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(exchange, "exchange");
    }
}
