package dev.samokoder.services.auth;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format, {@code $argon2id$v=19$m=<KiB>,t=<n>,p=<n>$<salt>$<hash>}
 * with unpadded standard base64, as the reference implementation writes it.
 */
final class Argon2idHash {

    static final int VERSION = 19;
    private static final int MIN_SALT_BYTES = 8;
    private static final int MAX_SALT_BYTES = 64;
    private static final int MIN_HASH_BYTES = 16;
    private static final int MAX_HASH_BYTES = 64;
    private static final Pattern SHAPE = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})"
                    + "\\$([A-Za-z0-9+/]{1,200})\\$([A-Za-z0-9+/]{1,200})");

    private final Argon2Params params;
    private final byte[] salt;
    private final byte[] hash;

    Argon2idHash(Argon2Params params, byte[] salt, byte[] hash) {
        this.params = params;
        this.salt = salt.clone();
        this.hash = hash.clone();
    }

    /** Empty for anything that is not a well-formed Argon2id v19 hash with parameters within bounds. */
    static Optional<Argon2idHash> parse(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(encoded);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            Argon2Params params = new Argon2Params(
                    Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            byte[] salt = Base64.getDecoder().decode(m.group(4));
            byte[] hash = Base64.getDecoder().decode(m.group(5));
            if (salt.length < MIN_SALT_BYTES || salt.length > MAX_SALT_BYTES
                    || hash.length < MIN_HASH_BYTES || hash.length > MAX_HASH_BYTES) {
                return Optional.empty();
            }
            return Optional.of(new Argon2idHash(params, salt, hash));
        } catch (IllegalArgumentException e) {
            // NumberFormatException (out of int range), bad base64 length, params out of bounds
            return Optional.empty();
        }
    }

    String encode() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=" + VERSION + "$m=" + params.memoryKiB() + ",t=" + params.iterations()
                + ",p=" + params.parallelism() + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    Argon2Params params() {
        return params;
    }

    byte[] salt() {
        return salt.clone();
    }

    byte[] hash() {
        return hash.clone();
    }
}
