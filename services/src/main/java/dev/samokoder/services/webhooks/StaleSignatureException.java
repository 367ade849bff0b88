package dev.samokoder.services.webhooks;

import java.time.Duration;

/** A correctly signed delivery whose signed timestamp is too far from now (a replay, or a clock far off): HTTP 401. */
public final class StaleSignatureException extends RuntimeException {

    public StaleSignatureException(Duration tolerance) {
        super("the signature's timestamp is more than " + tolerance.toSeconds() + " s from now", null, false, false);
    }
}
