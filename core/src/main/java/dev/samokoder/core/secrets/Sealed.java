package dev.samokoder.core.secrets;

import java.util.Objects;
import java.util.Optional;

/**
 * A secret as stored: AES-256-GCM ciphertext (tag included) and its nonce, and how to get the key
 * back. Every part is base64 and none of it reveals the secret.
 *
 * @param scheme     {@value LocalMasterKeyCipher#SCHEME} or {@value KmsEnvelopeCipher#SCHEME}
 * @param keyRef     which master key: the local key's fingerprint, or the KMS key id
 * @param wrappedKey the data key encrypted by KMS (envelope scheme only)
 */
public record Sealed(String scheme, String keyRef, Optional<String> wrappedKey, String nonce, String ciphertext)
        implements StoredSecret {

    public Sealed {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(keyRef, "keyRef");
        Objects.requireNonNull(wrappedKey, "wrappedKey");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }
}
