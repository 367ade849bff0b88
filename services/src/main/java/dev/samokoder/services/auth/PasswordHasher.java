package dev.samokoder.services.auth;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Argon2id password hashes in the PHC string format. Thread-safe; build one per process, since the
 * constructor spends one hash on the dummy that {@link #spendVerifyTime} checks against.
 */
public final class PasswordHasher {

    /** Bounds the work one request can cause; far above {@link PasswordPolicy#MAX_LENGTH}. */
    static final int MAX_PASSWORD_CHARS = 1024;
    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Argon2Params params;
    private final String dummyHash;

    public PasswordHasher(Argon2Params params) {
        this.params = Objects.requireNonNull(params, "params");
        this.dummyHash = hash(Base64.getEncoder().encodeToString(randomBytes(24)));
    }

    /** A new hash with a fresh random salt; refuses a null or over-long password. */
    public String hash(String password) {
        if (password == null) {
            throw new IllegalArgumentException("password is required");
        }
        if (password.length() > MAX_PASSWORD_CHARS) {
            throw new IllegalArgumentException("password is longer than " + MAX_PASSWORD_CHARS + " characters");
        }
        byte[] salt = randomBytes(SALT_BYTES);
        return new Argon2idHash(params, salt, argon2id(params, HASH_BYTES, password, salt)).encode();
    }

    /**
     * True when the password matches. False, never an exception, for a null or over-long password
     * and for a stored hash that is malformed or has parameters beyond {@link Argon2Params}' bounds.
     * The hash is recomputed with the stored parameters, so hashes made before a parameter change
     * still verify.
     */
    public boolean verify(String password, String encodedHash) {
        if (password == null || password.length() > MAX_PASSWORD_CHARS) {
            return false;
        }
        Optional<Argon2idHash> stored = Argon2idHash.parse(encodedHash);
        if (stored.isEmpty()) {
            return false;
        }
        byte[] expected = stored.get().hash();
        byte[] actual = argon2id(stored.get().params(), expected.length, password, stored.get().salt());
        return MessageDigest.isEqual(actual, expected);
    }

    /** True when the hash was made with other parameters (or is unreadable): hash again on next login. */
    public boolean needsRehash(String encodedHash) {
        return Argon2idHash.parse(encodedHash)
                .map(stored -> !stored.params().equals(params) || stored.hash().length != HASH_BYTES)
                .orElse(true);
    }

    /**
     * Costs what a {@link #verify} against a real user's hash costs, for requests naming no user,
     * so response times do not tell which emails have accounts.
     */
    public void spendVerifyTime(String password) {
        verify(password, dummyHash);
    }

    String dummyHash() {
        return dummyHash;
    }

    /**
     * NFKC first, as NIST SP 800-63B asks, so the same password typed on keyboards that compose
     * accents differently gives the same bytes.
     */
    private static byte[] argon2id(Argon2Params params, int hashBytes, String password, byte[] salt) {
        byte[] passwordBytes = Normalizer.normalize(password, Normalizer.Form.NFKC).getBytes(StandardCharsets.UTF_8);
        // password4j keeps one instance per parameter set; the set is small (ours plus older ones in storage)
        Argon2Function function = Argon2Function.getInstance(params.memoryKiB(), params.iterations(),
                params.parallelism(), hashBytes, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
        return function.hash(passwordBytes, salt).getBytes();
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
