package dev.samokoder.shared.llm.provider;

import dev.samokoder.shared.llm.LlmMessage;
import dev.samokoder.shared.llm.model.ModelRef;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What the gateway asks a provider, after it chose the model, fitted the context and reserved the cost.
 *
 * @param agent     the agent the call is for
 * @param agentCall the call's number among the agent's calls in the run, from 0 (a replay answers by it)
 */
public record ProviderRequest(ModelRef model, List<LlmMessage> messages, int maxOutputTokens, OptionalDouble temperature,
                              String agent, int agentCall) {

    public ProviderRequest {
        messages = List.copyOf(messages);
    }
}
