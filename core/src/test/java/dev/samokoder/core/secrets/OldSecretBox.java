package dev.samokoder.core.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the retired secret box ({@code core.crypto.AesGcmSecretBox}) wrote, byte for byte, so tests can
 * put items in the table the old way: {@code 1 | nonce (12) | AES-256-GCM ciphertext and tag}, the
 * associated data as UTF-8 additional authenticated data.
 */
public final class OldSecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    public OldSecretBox(byte[] key) {
        this.key = key.clone();
    }

    public static OldSecretBox generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return new OldSecretBox(key);
    }

    /** The key as {@code SAMOKODER_SECRET_BOX_KEY} and the old key file held it. */
    public String base64Key() {
        return Base64.getEncoder().encodeToString(key);
    }

    public byte[] seal(byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + nonce.length + ciphertext.length).put((byte) 1).put(nonce).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
