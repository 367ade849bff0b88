package dev.samokoder.core.crypto;

import dev.samokoder.core.secrets.SecretFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/** The secret box's key in local mode: generated once into the data dir (owner-only), then read at every start. */
public final class SecretBoxKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretBoxKeys() {
    }

    static byte[] newKey() {
        byte[] key = new byte[AesGcmSecretBox.KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * The box whose key is in {@code file}, or a new key written there. A file that is not a key
     * is an {@link IllegalStateException} and is left as it is: replacing it would make every
     * stored secret unreadable.
     */
    public static synchronized AesGcmSecretBox loadOrCreate(Path file) {
        Path target = file.toAbsolutePath();
        if (!Files.exists(target)) {
            SecretFiles.writeOwnerOnly(target, Base64.getEncoder().encodeToString(newKey()));
        }
        String text;
        try {
            text = Files.readString(target, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the secret box key " + target, e);
        }
        try {
            return AesGcmSecretBox.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("secret box key file " + target + " is damaged (" + e.getMessage()
                    + "); it was left as it is. Restore it: without it, stored webhook secrets cannot be read.", e);
        }
    }
}
