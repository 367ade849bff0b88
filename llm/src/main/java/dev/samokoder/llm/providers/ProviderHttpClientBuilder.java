package dev.samokoder.llm.providers;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/**
 * Hands langchain4j's model builders a {@link ProviderHttpClient} on the shared client. The
 * timeout is ours (configuration): what a model builder sets here is ignored, since a builder's
 * defaults would otherwise override the configured value.
 */
final class ProviderHttpClientBuilder implements HttpClientBuilder {

    private final java.net.http.HttpClient http;
    private final Duration timeout;

    ProviderHttpClientBuilder(java.net.http.HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public Duration connectTimeout() {
        return http.connectTimeout().orElse(timeout);
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration ignored) {
        return this;
    }

    @Override
    public Duration readTimeout() {
        return timeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration ignored) {
        return this;
    }

    @Override
    public HttpClient build() {
        return new ProviderHttpClient(http, timeout);
    }
}
