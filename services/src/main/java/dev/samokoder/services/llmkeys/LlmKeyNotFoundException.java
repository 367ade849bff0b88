package dev.samokoder.services.llmkeys;

import dev.samokoder.core.models.Provider;

/** No key is stored for this provider (for this owner). */
public final class LlmKeyNotFoundException extends RuntimeException {

    public LlmKeyNotFoundException(Provider provider) {
        super("no " + provider + " key is stored");
    }
}
