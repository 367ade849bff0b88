package dev.samokoder.core.secrets;

import java.util.Map;

/**
 * Encrypts secrets at rest. The context (who owns the secret, what it is for) is bound to the
 * ciphertext as additional authenticated data, so a sealed value copied onto another owner's item
 * does not open.
 */
public interface SecretCipher {

    Sealed seal(byte[] plaintext, Map<String, String> context);

    /** @throws SecretUnreadableException if the value was tampered with, belongs to another context or its key is gone */
    byte[] open(Sealed sealed, Map<String, String> context);
}
