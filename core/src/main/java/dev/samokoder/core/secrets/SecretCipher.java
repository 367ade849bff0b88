package dev.samokoder.core.secrets;

import java.util.Map;

/**
 * Encrypts secrets at rest: users' and projects' LLM keys, webhook and notification signing
 * secrets. The context (what the secret is, whose it is) is bound to the ciphertext as additional
 * authenticated data (KMS: encryption context), so a sealed value copied onto another item does
 * not open.
 */
public interface SecretCipher {

    Sealed seal(byte[] plaintext, Map<String, String> context);

    /** @throws SecretUnreadableException if the value was tampered with, belongs to another context or its key is gone */
    byte[] open(Sealed sealed, Map<String, String> context);

    /**
     * Opens a secret in whichever form its item holds it; a {@link LegacySealed} one is bound to its own
     * associated data, not to {@code context}. The caller seals a legacy secret again when it can write the item.
     *
     * @throws SecretUnreadableException if the value does not open
     * @throws LegacySecretKeyMissingException for a legacy value when the retired secret box's key is not configured
     */
    default byte[] open(StoredSecret stored, Map<String, String> context) {
        return switch (stored) {
            case Sealed sealed -> open(sealed, context);
            case LegacySealed legacy -> openLegacy(legacy);
        };
    }

    /**
     * Opens a secret of the retired secret box. Only the cipher {@link SecretCiphers#create} builds can,
     * when the box's key is configured.
     *
     * @throws LegacySecretKeyMissingException if this cipher has no such key
     */
    default byte[] openLegacy(LegacySealed legacy) {
        throw new LegacySecretKeyMissingException("this cipher was built without the secret box's key");
    }
}
