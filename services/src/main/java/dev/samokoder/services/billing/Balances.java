package dev.samokoder.services.billing;

/** Where a user's prepaid credit is read: the credit ledger, or an in-memory stand-in in unit tests. */
@FunctionalInterface
public interface Balances {

    /** The user's balance in micro-dollars; zero or less means no credit left. */
    long balanceMicros(String userId);
}
