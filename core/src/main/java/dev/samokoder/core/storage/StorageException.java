package dev.samokoder.core.storage;

/** Base of the storage layer's named errors; the API maps each subclass to one HTTP status. */
public abstract class StorageException extends RuntimeException {

    protected StorageException(String message) {
        super(message);
    }

    protected StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
