package dev.samokoder.core.storage;

/** A create found an item with the same key already there; nothing was written. */
public class ItemAlreadyExistsException extends StorageException {

    private final Key key;

    public ItemAlreadyExistsException(Key key) {
        super("item " + key + " already exists");
        this.key = key;
    }

    public Key key() {
        return key;
    }
}
