package dev.samokoder.local.sfn.paths;

/** A read selected more than {@link JsonPathLimits#MAX_SELECTED_NODES} nodes and was stopped. */
public final class PathTooBroadException extends PathReadException {

    public PathTooBroadException(String message) {
        super(message);
    }
}
