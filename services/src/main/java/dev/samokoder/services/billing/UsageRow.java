package dev.samokoder.services.billing;

import java.math.BigDecimal;

/**
 * A user's usage of one month, on one project or in total.
 *
 * @param byokCostUsd     what calls on the user's (or project's) own keys cost at the price table: shown, never charged
 * @param platformCostUsd what calls on the platform's provider cost at the price table
 * @param chargedUsd      what those were charged to the credit (cost × markup)
 * @param storageBytes    what the project's files take now (point in time, shown for the current month only)
 */
public record UsageRow(String projectId, long runs, long llmCalls, long promptTokens, long completionTokens,
                       BigDecimal byokCostUsd, BigDecimal platformCostUsd, BigDecimal chargedUsd, long sandboxSeconds,
                       long storageBytes) {

    public static UsageRow empty(String projectId) {
        return new UsageRow(projectId, 0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
    }

    public UsageRow plus(UsageRow other) {
        return new UsageRow(projectId, runs + other.runs, llmCalls + other.llmCalls, promptTokens + other.promptTokens,
                completionTokens + other.completionTokens, byokCostUsd.add(other.byokCostUsd),
                platformCostUsd.add(other.platformCostUsd), chargedUsd.add(other.chargedUsd),
                sandboxSeconds + other.sandboxSeconds, storageBytes + other.storageBytes);
    }

    public UsageRow withStorageBytes(long bytes) {
        return new UsageRow(projectId, runs, llmCalls, promptTokens, completionTokens, byokCostUsd, platformCostUsd, chargedUsd,
                sandboxSeconds, bytes);
    }
}
