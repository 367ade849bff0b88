package dev.samokoder.local.sfn.paths;

/** A definite path selected nothing in the document it was applied to. */
public final class PathNotFoundException extends PathReadException {

    public PathNotFoundException(String message) {
        super(message);
    }
}
