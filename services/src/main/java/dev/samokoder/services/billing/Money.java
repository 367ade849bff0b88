package dev.samokoder.services.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in the credit ledger is whole micro-dollars (a {@code long}): sums are exact and cannot
 * drift, which is what lets the ledger promise that its entries add up to the balance to the last
 * unit. Conversions from and to US dollars happen only here.
 */
public final class Money {

    public static final long MICROS_PER_USD = 1_000_000L;

    private Money() {
    }

    /** Dollars to micro-dollars, rounded half up (a charge of $0.0000004 is no charge). */
    public static long toMicros(BigDecimal usd) {
        return usd.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** Micro-dollars to dollars, without trailing zeros and never in exponent form ({@code 10}, not {@code 1E+1}). */
    public static BigDecimal toUsd(long micros) {
        BigDecimal usd = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
        return usd.scale() < 0 ? usd.setScale(0) : usd;
    }
}
