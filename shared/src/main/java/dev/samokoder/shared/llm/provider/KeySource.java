package dev.samokoder.shared.llm.provider;

import dev.samokoder.shared.llm.model.Provider;
import java.util.Optional;

/**
 * Where the gateway gets a user's credentials for a provider. Users bring their own keys; until
 * the encrypted key store exists, {@link ConfiguredKeySource} gives every user the keys of the
 * configuration (local mode reads them from the environment).
 */
@FunctionalInterface
public interface KeySource {

    /** The user's credentials for the provider; empty when there are none. */
    Optional<ProviderKey> keyFor(String userId, Provider provider);
}
