package dev.samokoder.services.billing;

/**
 * A user's prepaid credit.
 *
 * @param entries how many ledger entries make it up (the last entry's number)
 */
public record CreditBalance(long balanceMicros, long entries) {

    public static final CreditBalance NONE = new CreditBalance(0, 0);
}
