package dev.samokoder.services.llmkeys;

import dev.samokoder.core.models.Provider;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/** A stored provider key as it may be shown: never the key, only its last 4 characters. */
public record StoredLlmKey(Provider provider, String last4, Optional<URI> baseUrl, Instant createdAt, Instant updatedAt,
                           Optional<Instant> lastUsedAt, long version) {
}
