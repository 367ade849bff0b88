package dev.samokoder.llm.provider;

import dev.samokoder.core.llm.ProviderKey;
import dev.samokoder.core.models.Provider;
import java.util.Optional;

/**
 * Where the gateway gets a user's credentials for a provider. Users bring their own keys
 * ({@code StoredKeySource}: a project's override, then the user's key, both encrypted at rest);
 * {@link ConfiguredKeySource} gives every user the keys of the configuration (local mode reads
 * them from the environment) and is the stored keys' fallback.
 */
@FunctionalInterface
public interface KeySource {

    /** The user's credentials for the provider; empty when there are none. */
    Optional<ProviderKey> keyFor(String userId, Provider provider);

    /** The credentials for a call of one of the user's projects: a project may override its owner's key. */
    default Optional<ProviderKey> keyFor(String userId, String projectId, Provider provider) {
        return keyFor(userId, provider);
    }
}
