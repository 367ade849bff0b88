package dev.samokoder.core.llm;

import dev.samokoder.core.models.Provider;

/** No key (or base URL) is configured for the provider the agent's model needs. */
public final class MissingProviderKeyException extends LlmException {

    private final Provider provider;

    public MissingProviderKeyException(Provider provider, String whatToSet) {
        super("no key for " + provider + ": " + whatToSet);
        this.provider = provider;
    }

    public Provider provider() {
        return provider;
    }

    @Override
    public String code() {
        return "missing_provider_key";
    }
}
