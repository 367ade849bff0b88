package dev.samokoder.services.billing;

import java.math.BigDecimal;

/**
 * A run would use resources the platform pays for (its own model provider) and the user's
 * prepaid credit is used up. The API answers 402 and says how to top up.
 */
public final class InsufficientCreditException extends RuntimeException {

    private final BigDecimal balanceUsd;

    public InsufficientCreditException(BigDecimal balanceUsd) {
        super("your prepaid credit is $" + balanceUsd.toPlainString() + "; runs on the platform's models need credit");
        this.balanceUsd = balanceUsd;
    }

    public BigDecimal balanceUsd() {
        return balanceUsd;
    }
}
