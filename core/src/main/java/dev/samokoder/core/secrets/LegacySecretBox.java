package dev.samokoder.core.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * Opens what the retired secret box sealed (see {@link LegacySealed}), so webhook and notification
 * secrets stored before every secret went through one {@link SecretCipher} are still read. It
 * cannot seal: nothing is written this way any more.
 */
public final class LegacySecretBox {

    /** Where local mode kept the old box's key, inside the data dir; it is read if there, never made. */
    public static final String FILE = "keys/secret-box.key";
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = AesGcm.NONCE_BYTES;
    private static final int TAG_BITS = AesGcm.TAG_BITS;

    private final byte[] key;

    private LegacySecretBox(byte[] key) {
        if (key.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key is " + AesGcm.KEY_BYTES + " bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /**
     * The box of a base64 key, as {@code SAMOKODER_SECRET_BOX_KEY} holds it.
     *
     * @throws IllegalArgumentException if it is not base64 of 32 bytes (the message never shows the value)
     */
    public static LegacySecretBox fromBase64(String key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the secret box key is not base64");
        }
        return new LegacySecretBox(bytes);
    }

    /**
     * The box whose key local mode kept in {@code file}.
     *
     * @throws LegacySecretKeyMissingException if there is no such file
     * @throws IllegalStateException if the file is not a key (it is left as it is)
     */
    public static LegacySecretBox fromFile(Path file) {
        Path target = file.toAbsolutePath();
        String text;
        try {
            text = Files.readString(target, StandardCharsets.US_ASCII);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new LegacySecretKeyMissingException("neither SAMOKODER_SECRET_BOX_KEY is set nor is there a " + target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the secret box key " + target, e);
        }
        try {
            return fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("secret box key file " + target + " is damaged (" + e.getMessage()
                    + "); it was left as it is. Restore it: without it, webhook and notification secrets stored before"
                    + " the secrets were unified cannot be read.", e);
        }
    }

    /** @throws SecretUnreadableException if the value is not of the old format, or does not open with this key and its associated data */
    public byte[] open(LegacySealed legacy) {
        byte[] sealed = legacy.bytes();
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new SecretUnreadableException("the stored secret is not of the secret box's format", null);
        }
        try {
            return AesGcm.decrypt(key, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES),
                    Arrays.copyOfRange(sealed, 1 + NONCE_BYTES, sealed.length),
                    legacy.associatedData().getBytes(StandardCharsets.UTF_8));
        } catch (SecretUnreadableException e) {
            throw new SecretUnreadableException("the stored secret does not open with SAMOKODER_SECRET_BOX_KEY"
                    + " (another key, tampered with, or not this item's)", e.getCause());
        }
    }

    @Override
    public String toString() {
        return "LegacySecretBox[key=(hidden)]";
    }
}
