package dev.samokoder.api.http;

import dev.samokoder.services.apikeys.ApiKeyService;
import dev.samokoder.services.apikeys.ApiScope;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of an API Gateway event an operation reads. The caller's identity comes only from
 * the authorizer's context (set by API Gateway after the authorizer ran), never from a header.
 */
public final class ApiRequest {

    /** The key the authorizer puts the user id under, in its context. */
    public static final String USER_ID = "userId";
    /** For a request made with an API key: the key's id, and its scopes (comma-separated). */
    public static final String API_KEY_ID = "apiKeyId";
    public static final String API_KEY_SCOPES = "apiKeyScopes";

    private final APIGatewayV2HTTPEvent event;
    private final JsonBodies bodies;

    public ApiRequest(APIGatewayV2HTTPEvent event, JsonBodies bodies) {
        this.event = event;
        this.bodies = bodies;
    }

    /** The authenticated user; an operation on an authenticated route can rely on it. */
    public String userId() {
        return authenticatedUserId().orElseThrow(() -> ApiException.unauthorized("sign in first"));
    }

    public Optional<String> authenticatedUserId() {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getLambda() == null) {
            return Optional.empty();
        }
        Object userId = context.getAuthorizer().getLambda().get(USER_ID);
        return userId instanceof String id && !id.isBlank() ? Optional.of(id) : Optional.empty();
    }

    /** The API key the request was made with; empty for a signed-in user's access token. */
    public Optional<String> apiKeyId() {
        return authorizerValue(API_KEY_ID);
    }

    /** The scopes of the request's API key (none for a user's access token, which may do everything its user may). */
    public Set<ApiScope> apiKeyScopes() {
        return authorizerValue(API_KEY_SCOPES).map(ApiKeyService::parseScopes).orElse(Set.of());
    }

    private Optional<String> authorizerValue(String name) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getLambda() == null) {
            return Optional.empty();
        }
        Object value = context.getAuthorizer().getLambda().get(name);
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    public String pathParameter(String name) {
        Map<String, String> parameters = event.getPathParameters();
        String value = parameters == null ? null : parameters.get(name);
        if (value == null) {
            throw new IllegalStateException("route has no path parameter " + name);
        }
        return value;
    }

    public Optional<String> query(String name) {
        Map<String, String> parameters = event.getQueryStringParameters();
        return Optional.ofNullable(parameters == null ? null : parameters.get(name));
    }

    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        return Optional.ofNullable(headers == null ? null : headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The body parsed strictly into a record; bad JSON or fields become a 400 listing each problem. */
    public <T> T body(Class<T> type) {
        return bodies.parse(rawBody(), type);
    }

    public byte[] rawBody() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        return event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }

    public String requestId() {
        return event.getRequestContext() == null ? "" : event.getRequestContext().getRequestId();
    }

    public String sourceIp() {
        var context = event.getRequestContext();
        return context == null || context.getHttp() == null ? "unknown" : context.getHttp().getSourceIp();
    }

    public String routeKey() {
        return event.getRouteKey();
    }
}
