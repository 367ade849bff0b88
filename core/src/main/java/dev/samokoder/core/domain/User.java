package dev.samokoder.core.domain;

import java.time.Instant;

/**
 * A person with an account.
 *
 * @param email normalized (see {@link Email}); unique across users
 * @param passwordHash the encoded password hash (algorithm and parameters inside), never the password
 * @param version the optimistic-locking version this copy was read at
 */
public record User(String id, String email, String displayName, String passwordHash,
                   Instant createdAt, Instant updatedAt, long version) {

    public static final String ID_PREFIX = "usr";

    public User withDisplayName(String newDisplayName) {
        return new User(id, email, newDisplayName, passwordHash, createdAt, updatedAt, version);
    }

    public User withPasswordHash(String newPasswordHash) {
        return new User(id, email, displayName, newPasswordHash, createdAt, updatedAt, version);
    }

    @Override
    public String toString() { // keeps the hash out of logs
        return "User[id=" + id + ", version=" + version + "]";
    }
}
