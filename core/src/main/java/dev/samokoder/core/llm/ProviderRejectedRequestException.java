package dev.samokoder.core.llm;

import dev.samokoder.core.models.Provider;
import java.util.OptionalInt;

/** The provider refused the request itself (a 4xx other than 401, 403 and 429: unknown model, bad parameter). */
public final class ProviderRejectedRequestException extends ProviderException {

    public ProviderRejectedRequestException(Provider provider, OptionalInt status, String detail, Throwable cause) {
        super(provider, status, "rejected the request", detail, cause);
    }

    @Override
    public String code() {
        return "provider_rejected";
    }
}
