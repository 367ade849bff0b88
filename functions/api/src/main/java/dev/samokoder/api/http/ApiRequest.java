package dev.samokoder.api.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an API Gateway event an operation reads. The caller's identity comes only from
 * the authorizer's context (set by API Gateway after the authorizer ran), never from a header.
 */
public final class ApiRequest {

    /** The key the authorizer puts the user id under, in its context. */
    public static final String USER_ID = "userId";

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
