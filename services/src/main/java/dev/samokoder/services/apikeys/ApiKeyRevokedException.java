package dev.samokoder.services.apikeys;

/** The key was revoked (or expired) after the request was authenticated. */
public final class ApiKeyRevokedException extends RuntimeException {

    public ApiKeyRevokedException() {
        super("the API key was revoked or has expired");
    }
}
