package dev.samokoder.core.secrets;

/**
 * A secret as an item holds it: {@link Sealed} by the platform's {@link SecretCipher} (everything
 * written now), or {@link LegacySealed} by the retired secret box (webhook and notification
 * secrets written before there was one cipher for every secret), which can only be read.
 */
public sealed interface StoredSecret permits Sealed, LegacySealed {
}
