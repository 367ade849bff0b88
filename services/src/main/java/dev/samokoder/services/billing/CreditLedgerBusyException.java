package dev.samokoder.services.billing;

/** So many writers appended to one user's ledger at once that this one gave up; nothing was written. */
public final class CreditLedgerBusyException extends RuntimeException {

    public CreditLedgerBusyException(int attempts) {
        super("the credit ledger stayed busy for " + attempts + " attempts; nothing was written");
    }
}
