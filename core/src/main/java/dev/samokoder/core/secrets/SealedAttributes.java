package dev.samokoder.core.secrets;

import dev.samokoder.core.storage.Attributes;
import java.util.Base64;

/**
 * How an item holds a sealed secret, the same for every kind: the attributes {@code scheme},
 * {@code keyRef}, {@code wrappedKey} (KMS only), {@code nonce} and {@code ciphertext}. Webhook and
 * notification items written before there was one cipher hold {@value #LEGACY} instead (the retired
 * secret box's bytes, base64); reading tells the two apart by which attribute is there.
 */
public final class SealedAttributes {

    /** The attribute of the retired secret box's format. */
    public static final String LEGACY = "sealedSecret";

    private SealedAttributes() {
    }

    /** Adds the sealed secret's attributes to an item being built. */
    public static Attributes.Builder put(Attributes.Builder item, Sealed sealed) {
        return item.string("scheme", sealed.scheme())
                .string("keyRef", sealed.keyRef())
                .optionalString("wrappedKey", sealed.wrappedKey())
                .string("nonce", sealed.nonce())
                .string("ciphertext", sealed.ciphertext());
    }

    /** The item's secret, which must be in the current format. */
    public static Sealed read(Attributes item) {
        return new Sealed(item.string("scheme"), item.string("keyRef"), item.optionalString("wrappedKey"),
                item.string("nonce"), item.string("ciphertext"));
    }

    /**
     * The item's secret in either format.
     *
     * @param legacyAssociatedData what the retired secret box bound this item's secret to (used for a legacy item only)
     */
    public static StoredSecret read(Attributes item, String legacyAssociatedData) {
        var legacy = item.optionalString(LEGACY);
        if (legacy.isEmpty()) {
            return read(item);
        }
        try {
            return new LegacySealed(Base64.getDecoder().decode(legacy.get()), legacyAssociatedData);
        } catch (IllegalArgumentException e) {
            throw new SecretUnreadableException("the stored secret (" + LEGACY + ") is not base64", e);
        }
    }
}
