package dev.samokoder.services.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * API key secrets: {@value #PREFIX} and 32 random bytes in base62 (43 characters), recognizable
 * in logs and by secret scanners; stored only as HMAC-SHA256 under a server-side secret (the
 * pepper), so a copy of the table alone can neither reveal nor test keys.
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "sk_";
    static final int RANDOM_BYTES = 32;
    static final int ENCODED_LENGTH = 43; // ceil(256 / log2(62))
    /** Characters of the secret shown back to the user: the prefix and 8 more. */
    static final int SHOWN_LENGTH = PREFIX.length() + 8;
    private static final char[] BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] pepper;

    public ApiKeySecrets(byte[] pepper) {
        if (pepper.length < 32) {
            throw new IllegalArgumentException("the API key pepper must be at least 32 bytes");
        }
        this.pepper = pepper.clone();
    }

    public String newSecret() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return PREFIX + base62(bytes);
    }

    /** Cheap shape check before any lookup: a string that cannot be a key is refused without a read. */
    public static boolean looksLikeKey(String candidate) {
        if (candidate == null || candidate.length() != PREFIX.length() + ENCODED_LENGTH || !candidate.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return false;
            }
        }
        return true;
    }

    public String hash(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    static String shown(String secret) {
        return secret.substring(0, SHOWN_LENGTH);
    }

    /** Big-endian base62 of the bytes, left-padded to a fixed length so every key has the same shape. */
    static String base62(byte[] bytes) {
        byte[] number = Arrays.copyOf(bytes, bytes.length);
        char[] out = new char[ENCODED_LENGTH];
        for (int position = ENCODED_LENGTH - 1; position >= 0; position--) {
            int remainder = 0;
            for (int i = 0; i < number.length; i++) {
                int value = (remainder << 8) | (number[i] & 0xff);
                number[i] = (byte) (value / 62);
                remainder = value % 62;
            }
            out[position] = BASE62[remainder];
        }
        return new String(out);
    }
}
