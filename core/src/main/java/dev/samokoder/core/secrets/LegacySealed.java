package dev.samokoder.core.secrets;

import java.util.Objects;

/**
 * A secret sealed by the retired secret box: {@code version 1 (1 byte) | nonce (12) | AES-256-GCM
 * ciphertext and tag}, under the key of {@code SAMOKODER_SECRET_BOX_KEY} (locally {@value
 * LegacySecretBox#FILE} in the data dir), with {@code associatedData} as additional authenticated
 * data. Items holding one are read with {@link LegacySecretBox} and sealed again by the cipher.
 *
 * @param bytes          what the item stored (not secret, but not shown either)
 * @param associatedData what the old box bound the value to, e.g. {@code webhook-secret:hook_…}
 */
public record LegacySealed(byte[] bytes, String associatedData) implements StoredSecret {

    public LegacySealed {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(associatedData, "associatedData");
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LegacySealed that && java.util.Arrays.equals(bytes, that.bytes)
                && associatedData.equals(that.associatedData);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(bytes) + associatedData.hashCode();
    }

    @Override
    public String toString() {
        return "LegacySealed[" + associatedData + ", " + bytes.length + " bytes]";
    }
}
