package dev.samokoder.local.sfn.engine;

/** A request the Step Functions API would reject; {@code code} is the AWS error code (the {@code __type}). */
public final class SfnException extends RuntimeException {

    private final String code;

    public SfnException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
