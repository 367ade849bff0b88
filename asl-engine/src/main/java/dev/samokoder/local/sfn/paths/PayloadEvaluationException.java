package dev.samokoder.local.sfn.paths;

/** A template's path selected nothing or its intrinsic function failed; AWS fails the execution with States.Runtime. */
public final class PayloadEvaluationException extends Exception {

    public PayloadEvaluationException(String message) {
        super(message);
    }
}
