package dev.samokoder.services.llmkeys;

import dev.samokoder.core.models.Provider;

/** Whether a project or a user stored a key of their own for a provider: the LLM keys, or an in-memory stand-in. */
@FunctionalInterface
public interface OwnKeys {

    boolean has(LlmKeyOwner owner, Provider provider);
}
