package dev.samokoder.shared.llmkeys;

import dev.samokoder.shared.models.Provider;

/** No key is stored for this provider (for this owner). */
public final class LlmKeyNotFoundException extends RuntimeException {

    public LlmKeyNotFoundException(Provider provider) {
        super("no " + provider + " key is stored");
    }
}
