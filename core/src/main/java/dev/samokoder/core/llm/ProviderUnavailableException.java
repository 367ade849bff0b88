package dev.samokoder.core.llm;

import dev.samokoder.core.models.Provider;
import java.util.OptionalInt;

/** The provider failed on its side (5xx) or could not be reached; the same call may work later. */
public final class ProviderUnavailableException extends ProviderException {

    public ProviderUnavailableException(Provider provider, OptionalInt status, String detail, Throwable cause) {
        super(provider, status, "is unavailable", detail, cause);
    }

    @Override
    public String code() {
        return "provider_unavailable";
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
