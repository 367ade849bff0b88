package dev.samokoder.core.storage;

/** Another account already uses this email address. */
public final class EmailAlreadyRegisteredException extends ItemAlreadyExistsException {

    public EmailAlreadyRegisteredException(Key emailKey) {
        super(emailKey);
    }
}
