package dev.samokoder.core.llm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The gateway's defaults and bounds, from configuration.
 *
 * @param defaultMaxOutputTokens      output allowance of a call that sets none
 * @param defaultUserMonthlyBudgetUsd a user's monthly budget when the call's scope does not carry one
 * @param rateLimitMaxWait            total time one call may wait out rate limits
 * @param agentMaxOutputTokens        output allowance per agent, over the default (CodeMonkey writes whole files)
 */
public record GatewayLimits(int defaultMaxOutputTokens, BigDecimal defaultUserMonthlyBudgetUsd, Duration rateLimitMaxWait,
                            Map<String, Integer> agentMaxOutputTokens) {

    public GatewayLimits {
        agentMaxOutputTokens = Map.copyOf(agentMaxOutputTokens);
    }

    public GatewayLimits(int defaultMaxOutputTokens, BigDecimal defaultUserMonthlyBudgetUsd, Duration rateLimitMaxWait) {
        this(defaultMaxOutputTokens, defaultUserMonthlyBudgetUsd, rateLimitMaxWait, Map.of());
    }

    /** The output allowance of an agent's call that sets none. */
    public int maxOutputTokens(String agent) {
        return agentMaxOutputTokens.getOrDefault(agent, defaultMaxOutputTokens);
    }
}
