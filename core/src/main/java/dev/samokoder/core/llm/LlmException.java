package dev.samokoder.core.llm;

/**
 * Base of the gateway's named errors. Each subclass is one thing a step can act on (pause the run,
 * retry later, fix configuration); {@link #code()} is its stable name in the ledger and in logs.
 * Messages never carry a key or a prompt.
 */
public abstract class LlmException extends RuntimeException {

    protected LlmException(String message) {
        super(message);
    }

    protected LlmException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A stable snake_case name, recorded as the ledger's {@code error}. */
    public abstract String code();

    /** True when the same call may succeed later without anything being changed. */
    public boolean retryable() {
        return false;
    }
}
