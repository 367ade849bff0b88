package dev.samokoder.local.sfn.paths;

/** A reference path could not be written because a node on the way is not a container of the needed kind. */
public final class ResultPathMismatchException extends Exception {

    public ResultPathMismatchException(String message) {
        super(message);
    }
}
