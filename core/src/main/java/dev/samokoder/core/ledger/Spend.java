package dev.samokoder.core.ledger;

import java.math.BigDecimal;

/**
 * Money on a budget counter (a project's, or a user's month).
 *
 * @param settledUsd  actual cost of finished calls
 * @param reservedUsd maximum cost of calls still running
 * @param calls       finished calls
 */
public record Spend(BigDecimal settledUsd, BigDecimal reservedUsd, long calls) {

    public static final Spend NONE = new Spend(BigDecimal.ZERO, BigDecimal.ZERO, 0);

    /** What a budget is checked against: settled plus reserved. */
    public BigDecimal committedUsd() {
        return settledUsd.add(reservedUsd);
    }
}
