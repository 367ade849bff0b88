package dev.samokoder.core.llm;

import dev.samokoder.core.models.Provider;
import java.util.OptionalInt;

/** The provider refused the key (401/403): the key is wrong, revoked or lacks access to the model. */
public final class ProviderAuthenticationException extends ProviderException {

    public ProviderAuthenticationException(Provider provider, OptionalInt status, String detail, Throwable cause) {
        super(provider, status, "refused the key", detail, cause);
    }

    @Override
    public String code() {
        return "provider_auth";
    }
}
