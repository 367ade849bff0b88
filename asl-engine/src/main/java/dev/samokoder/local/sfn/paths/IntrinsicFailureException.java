package dev.samokoder.local.sfn.paths;

/** An intrinsic function could not be evaluated; surfaces as the States.IntrinsicFailure error. */
public final class IntrinsicFailureException extends Exception {

    public IntrinsicFailureException(String message) {
        super(message);
    }
}
