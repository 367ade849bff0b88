package dev.samokoder.core.llm;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A call was refused because its maximum cost would pass a budget. Nothing was sent to a
 * provider. The workflow pauses the run ("budget reached: raise it to continue") rather than
 * failing it.
 */
public final class BudgetExceededException extends LlmException {

    /** Which budget would be passed. */
    public enum Budget {
        PROJECT("project budget"),
        USER_MONTH("monthly budget");

        private final String label;

        Budget(String label) {
            this.label = label;
        }
    }

    private final Budget budget;
    private final BigDecimal limitUsd;
    private final Optional<BigDecimal> committedUsd;
    private final BigDecimal requestedUsd;

    /**
     * @param committedUsd what was already spent or reserved against that budget, if known
     * @param requestedUsd the most the refused call could have cost
     */
    public BudgetExceededException(Budget budget, BigDecimal limitUsd, Optional<BigDecimal> committedUsd, BigDecimal requestedUsd) {
        super("budget reached: the " + budget.label + " of $" + limitUsd.toPlainString()
                + committedUsd.map(c -> " ($" + c.toPlainString() + " already committed)").orElse("")
                + " does not cover this call (up to $" + requestedUsd.toPlainString() + "); raise it to continue");
        this.budget = budget;
        this.limitUsd = limitUsd;
        this.committedUsd = committedUsd;
        this.requestedUsd = requestedUsd;
    }

    public Budget budget() {
        return budget;
    }

    public BigDecimal limitUsd() {
        return limitUsd;
    }

    public Optional<BigDecimal> committedUsd() {
        return committedUsd;
    }

    public BigDecimal requestedUsd() {
        return requestedUsd;
    }

    @Override
    public String code() {
        return "budget_exceeded";
    }
}
