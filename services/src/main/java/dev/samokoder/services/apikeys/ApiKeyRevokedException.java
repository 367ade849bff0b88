package dev.samokoder.services.apikeys;

/** The key was revoked (or expired) after the authorizer let the request in. */
public final class ApiKeyRevokedException extends RuntimeException {

    public ApiKeyRevokedException() {
        super("the API key was revoked or has expired");
    }
}
