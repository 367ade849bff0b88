package dev.samokoder.services.apikeys;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An API key as the platform knows it: never the secret, only what identifies and limits it.
 *
 * @param prefix      the first characters of the secret ({@code sk_} and 8 more), so a user can tell keys apart
 * @param usageMonth  the calendar month (UTC) {@code usageCount} counts requests of
 */
public record ApiKey(String id, String userId, String name, String prefix, Set<ApiScope> scopes, Instant createdAt,
                     Optional<Instant> expiresAt, Optional<Instant> lastUsedAt, Optional<String> usageMonth, long usageCount,
                     long version) {

    public static final String ID_PREFIX = "key";

    public ApiKey {
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastUsedAt, "lastUsedAt");
        scopes = Set.copyOf(scopes);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
    }
}
