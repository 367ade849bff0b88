package dev.samokoder.api.http;

import dev.samokoder.core.http.Problem;
import java.time.Duration;

/** An error the API answers with a specific problem; built by the factory methods below. */
public final class ApiException extends RuntimeException {

    private final transient Problem problem;
    private final Duration retryAfter;

    private ApiException(Problem problem, Duration retryAfter) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public Problem problem() {
        return problem;
    }

    /** For 429s: when the client may try again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(Problem.of("not-found", "Not found", 404, detail), null);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(Problem.of("unauthorized", "Unauthorized", 401, detail), null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Problem.of("forbidden", "Forbidden", 403, detail), null);
    }

    /** An API key on a route for signed-in users only (managing keys, administration). */
    public static ApiException apiKeyNotAllowed() {
        return new ApiException(Problem.of("api-key-not-allowed", "API keys cannot do this", 403,
                "this route needs a signed-in user's access token; API keys cannot manage keys or administer"), null);
    }

    public static ApiException insufficientScope(String scope) {
        return new ApiException(Problem.of("insufficient-scope", "Insufficient scope", 403,
                "this API key lacks the scope " + scope + "; create a key with it (POST /v1/api-keys)").with("requiredScope", scope), null);
    }

    public static ApiException malformedJson(String detail) {
        return new ApiException(Problem.of("malformed-json", "Malformed JSON", 400, detail), null);
    }

    public static ApiException payloadTooLarge(int limit) {
        return new ApiException(Problem.of("payload-too-large", "Payload too large", 413,
                "the request body is over " + limit + " bytes"), null);
    }

    public static ApiException unexpectedBody(String method) {
        return new ApiException(Problem.of("unexpected-body", "Unexpected body", 400,
                "a " + method + " request takes no body; send none"), null);
    }

    public static ApiException unsupportedMediaType() {
        return new ApiException(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                "send the body as application/json"), null);
    }

    public static ApiException rateLimited(Duration retryAfter) {
        return new ApiException(Problem.of("rate-limited", "Too many requests", 429,
                "slow down; try again in " + seconds(retryAfter) + " s"), retryAfter);
    }

    public static ApiException tooMany(Problem problem, Duration retryAfter) {
        return new ApiException(problem, retryAfter);
    }

    static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
