package dev.samokoder.shared.llm;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The gateway's defaults and bounds, from configuration.
 *
 * @param defaultMaxOutputTokens      output allowance of a call that sets none
 * @param defaultUserMonthlyBudgetUsd a user's monthly budget when the call's scope does not carry one
 * @param rateLimitMaxWait            total time one call may wait out rate limits
 */
public record GatewayLimits(int defaultMaxOutputTokens, BigDecimal defaultUserMonthlyBudgetUsd, Duration rateLimitMaxWait) {
}
