package dev.samokoder.api.http;

import dev.samokoder.core.http.Problem;
import java.time.Duration;
import java.util.Map;

/** An error the API answers with a specific problem; built by the factory methods below. */
public final class ApiException extends RuntimeException {

    /** The protection space of our Bearer challenges (RFC 6750 section 3). */
    static final String REALM = "samokoder";

    private final transient Problem problem;
    private final Duration retryAfter;
    private final transient Map<String, String> headers;

    private ApiException(Problem problem, Duration retryAfter) {
        this(problem, retryAfter, Map.of());
    }

    private ApiException(Problem problem, Duration retryAfter, Map<String, String> headers) {
        super(problem.title() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
        this.headers = Map.copyOf(headers);
    }

    /** Headers the answer carries besides the problem (a {@code WWW-Authenticate} challenge). */
    public Map<String, String> headers() {
        return headers;
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

    /**
     * A request to an authenticated route without a Bearer credential (none, or another scheme
     * such as Basic): 401 with the bare challenge, which RFC 6750 gives when no credential was sent.
     */
    public static ApiException unauthorized(String detail) {
        return new ApiException(Problem.of("unauthorized", "Unauthorized", 401, detail), null, bearerChallenge(""));
    }

    /**
     * A credential that was sent but is not valid (tampered, expired, unsigned, unknown or revoked
     * key): 401 with {@code error="invalid_token"}. The description is one of a few fixed phrases,
     * never the credential or text derived from it.
     */
    public static ApiException invalidToken(String detail, boolean expired) {
        String description = expired ? "The access token expired" : "The credential is not valid";
        return new ApiException(Problem.of("invalid-token", "Invalid credential", 401, detail), null,
                bearerChallenge(", error=\"invalid_token\", error_description=\"" + description + "\""));
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(Problem.of("forbidden", "Forbidden", 403, detail), null);
    }

    /** An API key on a route for signed-in users only (managing keys, administration). */
    public static ApiException apiKeyNotAllowed() {
        return new ApiException(Problem.of("api-key-not-allowed", "API keys cannot do this", 403,
                "this route needs a signed-in user's access token; API keys cannot manage keys or administer"), null);
    }

    /** RFC 6750's {@code insufficient_scope}: a 403 that names the scope the route needs. */
    public static ApiException insufficientScope(String scope) {
        return new ApiException(Problem.of("insufficient-scope", "Insufficient scope", 403,
                "this API key lacks the scope " + scope + "; create a key with it (POST /v1/api-keys)").with("requiredScope", scope), null,
                bearerChallenge(", error=\"insufficient_scope\", scope=\"" + scope + "\""));
    }

    /** RFC 6750's {@code WWW-Authenticate} header: the Bearer scheme, our realm, then {@code parameters}. */
    private static Map<String, String> bearerChallenge(String parameters) {
        return Map.of("WWW-Authenticate", "Bearer realm=\"" + REALM + "\"" + parameters);
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

    public static ApiException unsupportedMediaType(String wanted) {
        return new ApiException(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                "send the body as " + wanted), null);
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
