package dev.samokoder.services.webhooks;

/** A delivery without a valid signature, or to a hook that does not exist (the two look alike on purpose): HTTP 401. */
public final class InvalidSignatureException extends RuntimeException {

    public InvalidSignatureException(String message) {
        super(message, null, false, false);
    }
}
