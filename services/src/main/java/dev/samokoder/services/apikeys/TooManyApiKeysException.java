package dev.samokoder.services.apikeys;

/** The user already holds as many keys as allowed ({@code SAMOKODER_API_KEYS_PER_USER}). */
public final class TooManyApiKeysException extends RuntimeException {

    private final int limit;

    public TooManyApiKeysException(int limit) {
        super("you already have " + limit + " API keys, the most allowed; revoke one first");
        this.limit = limit;
    }

    public int limit() {
        return limit;
    }
}
