package dev.samokoder.core.storage;

/** A pagination cursor that this listing did not hand out (malformed, or for another list). */
public final class InvalidCursorException extends StorageException {

    public InvalidCursorException(String reason) {
        super("invalid cursor: " + reason);
    }
}
