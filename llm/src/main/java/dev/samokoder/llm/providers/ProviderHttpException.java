package dev.samokoder.llm.providers;

import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Map;

/**
 * A provider's non-2xx answer, with its headers. langchain4j's own {@link HttpException} drops
 * the headers, and with them the retry-after hint; being a subclass keeps langchain4j's own
 * mapping by status working.
 */
final class ProviderHttpException extends HttpException {

    private final Map<String, List<String>> headers;
    private final String body;

    ProviderHttpException(int statusCode, String body, Map<String, List<String>> headers) {
        super(statusCode, body);
        this.body = body;
        this.headers = Map.copyOf(headers);
    }

    Map<String, List<String>> headers() {
        return headers;
    }

    String body() {
        return body;
    }
}
