package dev.samokoder.core.llm;

/** The ledger could not record a reservation or settlement for other writers on the same budget; try again. */
public final class LedgerContentionException extends LlmException {

    public LedgerContentionException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String code() {
        return "ledger_contention";
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
