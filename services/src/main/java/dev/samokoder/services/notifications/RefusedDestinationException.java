package dev.samokoder.services.notifications;

/** A notification URL the platform will not call: not https, or a host that is (or resolves to) a non-public address. */
public final class RefusedDestinationException extends RuntimeException {

    public RefusedDestinationException(String reason) {
        super(reason, null, false, false);
    }
}
