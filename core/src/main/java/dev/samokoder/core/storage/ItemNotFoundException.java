package dev.samokoder.core.storage;

/** The item to change does not exist (or no longer does). */
public final class ItemNotFoundException extends StorageException {

    private final Key key;

    public ItemNotFoundException(Key key) {
        super("item " + key + " does not exist");
        this.key = key;
    }

    public Key key() {
        return key;
    }
}
