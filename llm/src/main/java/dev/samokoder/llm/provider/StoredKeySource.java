package dev.samokoder.llm.provider;

import dev.samokoder.core.llm.ProviderKey;
import dev.samokoder.core.models.Provider;
import dev.samokoder.services.llmkeys.LlmKeyOwner;
import dev.samokoder.services.llmkeys.LlmKeyService;
import java.util.Optional;

/**
 * Keys in the order a call looks for them: the project's override, then the user's own key, then
 * {@code fallback} (the configuration's keys: in local mode the environment's, for every user).
 * The platform's own provider (Bedrock), used when none of these has a key, is the gateway's
 * choice, since it changes the model and who pays (see {@code LlmGateway}).
 */
public final class StoredKeySource implements KeySource {

    private final LlmKeyService keys;
    private final KeySource fallback;

    public StoredKeySource(LlmKeyService keys, KeySource fallback) {
        this.keys = keys;
        this.fallback = fallback;
    }

    @Override
    public Optional<ProviderKey> keyFor(String userId, Provider provider) {
        return keys.open(LlmKeyOwner.user(userId), provider)
                .or(() -> fallback.keyFor(userId, provider));
    }

    @Override
    public Optional<ProviderKey> keyFor(String userId, String projectId, Provider provider) {
        return keys.open(LlmKeyOwner.project(projectId), provider)
                .or(() -> keyFor(userId, provider));
    }
}
