package dev.samokoder.services.apikeys;

/** No such key of this user (another user's key reads the same way). */
public final class ApiKeyNotFoundException extends RuntimeException {

    public ApiKeyNotFoundException(String keyId) {
        super("no API key " + keyId);
    }
}
