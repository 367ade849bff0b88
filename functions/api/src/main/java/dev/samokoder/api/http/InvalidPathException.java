package dev.samokoder.api.http;

/** A workspace path in a request that is refused (traversal, absolute, encoded separators...). */
public final class InvalidPathException extends RuntimeException {

    public InvalidPathException(String message) {
        super(message, null, false, false);
    }
}
