package dev.samokoder.core.llm;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials for one provider: an API key and, for OpenAI-compatible servers, where the server
 * is. Either part may be absent (a local Ollama needs no key). Never printed.
 */
public record ProviderKey(Optional<String> apiKey, Optional<URI> baseUrl) {

    public ProviderKey {
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(baseUrl, "baseUrl");
        apiKey = apiKey.filter(key -> !key.isBlank());
    }

    public static ProviderKey apiKey(String key) {
        return new ProviderKey(Optional.of(key), Optional.empty());
    }

    @Override
    public String toString() {
        return "ProviderKey[apiKey=" + (apiKey.isPresent() ? "(set)" : "(none)") + ", baseUrl=" + baseUrl.map(URI::toString).orElse("(default)") + "]";
    }
}
