package dev.samokoder.core.secrets;

/**
 * A secret sealed by the retired secret box was met, and the box's key is not configured. The item
 * is left as it is: with the key back in place ({@code SAMOKODER_SECRET_BOX_KEY}, or locally the
 * data dir's {@value LegacySecretBox#FILE}) it is read, and sealed again by the platform's cipher.
 */
public final class LegacySecretKeyMissingException extends RuntimeException {

    public LegacySecretKeyMissingException(String where) {
        super("a secret stored before webhook and notification secrets moved to the platform's cipher cannot be read: "
                + where + ". Set SAMOKODER_SECRET_BOX_KEY to the key it was sealed with; the item was left as it is");
    }
}
