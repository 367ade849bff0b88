package dev.samokoder.llm.providers;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * langchain4j's HTTP client, on one shared {@code java.net.http} client (no Netty, no Apache,
 * one selector thread per process however many keys are in use). It keeps the response headers
 * of a failure ({@link ProviderHttpException}) and bounds a whole exchange, body included, by the
 * timeout: {@code java.net.http}'s own request timeout stops counting at the response headers.
 */
final class ProviderHttpClient implements HttpClient {

    private final java.net.http.HttpClient http;
    private final Duration timeout;

    ProviderHttpClient(java.net.http.HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        CompletableFuture<HttpResponse<String>> exchange = http.sendAsync(toJdk(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        HttpResponse<String> response;
        try {
            response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new UncheckedIOException(new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms"));
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while waiting for the provider"));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(e.getCause());
        }
        if (response.statusCode() < 200 || response.statusCode() >= 300) {
            throw new ProviderHttpException(response.statusCode(), response.body(), response.headers().map());
        }
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map())
                .body(response.body()).build();
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        http.sendAsync(toJdk(request), HttpResponse.BodyHandlers.ofInputStream())
                .thenAccept(response -> {
                    try (InputStream body = response.body()) {
                        if (response.statusCode() < 200 || response.statusCode() >= 300) {
                            listener.onError(new ProviderHttpException(response.statusCode(),
                                    new String(body.readAllBytes(), StandardCharsets.UTF_8), response.headers().map()));
                            return;
                        }
                        listener.onOpen(SuccessfulHttpResponse.builder().statusCode(response.statusCode())
                                .headers(response.headers().map()).build());
                        parser.parse(body, listener);
                        listener.onClose();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                })
                .exceptionally(failure -> {
                    listener.onError(failure);
                    return null;
                });
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            throw new IllegalArgumentException("multipart requests are not a chat call; this client sends JSON only");
        }
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(timeout);
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        var body = request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8);
        return builder.method(request.method().name(), body).build();
    }
}
