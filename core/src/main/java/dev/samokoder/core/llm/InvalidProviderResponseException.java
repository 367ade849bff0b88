package dev.samokoder.core.llm;

import dev.samokoder.core.models.Provider;
import java.util.OptionalInt;

/** The provider answered with a body that is not its protocol (malformed JSON, no message). */
public final class InvalidProviderResponseException extends ProviderException {

    public InvalidProviderResponseException(Provider provider, OptionalInt status, String detail, Throwable cause) {
        super(provider, status, "sent a response that cannot be read", detail, cause);
    }

    @Override
    public String code() {
        return "invalid_provider_response";
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
