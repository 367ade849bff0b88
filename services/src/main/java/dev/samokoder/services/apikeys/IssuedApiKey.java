package dev.samokoder.services.apikeys;

/** A new key and its secret, which exists only in this answer: the platform keeps a keyed hash of it. */
public record IssuedApiKey(ApiKey key, String secret) {

    @Override
    public String toString() { // keeps the secret out of logs
        return "IssuedApiKey[id=" + key.id() + ", prefix=" + key.prefix() + "]";
    }
}
