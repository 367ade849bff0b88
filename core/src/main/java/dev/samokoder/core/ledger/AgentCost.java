package dev.samokoder.core.ledger;

import java.math.BigDecimal;

/** What one agent's calls cost. */
public record AgentCost(String agent, BigDecimal costUsd, long calls, long promptTokens, long cachedTokens, long completionTokens) {

    static AgentCost none(String agent) {
        return new AgentCost(agent, BigDecimal.ZERO, 0, 0, 0, 0);
    }

    AgentCost plus(LlmCall call) {
        return new AgentCost(agent, costUsd.add(call.costUsd()), calls + 1, promptTokens + call.promptTokens(),
                cachedTokens + call.cachedTokens(), completionTokens + call.completionTokens());
    }
}
