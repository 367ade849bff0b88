package dev.samokoder.core.crypto;

/**
 * Encrypts small secrets that the platform must be able to read back (webhook and notification
 * signing secrets: an HMAC needs the secret itself, so a hash will not do). The associated data
 * binds a sealed value to the item it belongs to, so a sealed secret copied onto another item
 * does not open.
 *
 * <p>To be unified with the secret box of the BYOK keys (issue 10, branch {@code keys}), which
 * adds KMS envelope encryption on AWS; this interface is the seam both need.
 */
public interface SecretBox {

    byte[] seal(byte[] plaintext, String associatedData);

    /** @throws SecretBoxException if the value was not sealed by this box's key for this associated data */
    byte[] open(byte[] sealed, String associatedData);
}
