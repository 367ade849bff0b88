package dev.samokoder.core.llm;

import dev.samokoder.core.models.Provider;
import java.util.OptionalInt;

/** The provider did not answer within the configured timeout (`SAMOKODER_LLM_TIMEOUT_SECONDS`). */
public final class ProviderTimeoutException extends ProviderException {

    public ProviderTimeoutException(Provider provider, OptionalInt status, String detail, Throwable cause) {
        super(provider, status, "did not answer in time", detail, cause);
    }

    @Override
    public String code() {
        return "provider_timeout";
    }

    @Override
    public boolean retryable() {
        return true;
    }
}
