package dev.samokoder.local.sfn.paths;

/** Reading a path failed: it selected nothing where one node was required, or it selected too many nodes. */
public abstract sealed class PathReadException extends Exception permits PathNotFoundException, PathTooBroadException {

    protected PathReadException(String message) {
        super(message);
    }
}
