package dev.samokoder.api.http;

import dev.samokoder.services.apikeys.ApiScope;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of an API Gateway event an operation reads. The caller's identity is set by the
 * pipeline once it has verified the request's credential ({@link Authenticator}), never taken from
 * a header as sent or from anything else in the event.
 */
public final class ApiRequest {

    private final APIGatewayV2HTTPEvent event;
    private final JsonBodies bodies;
    private Authenticator.Caller caller;

    public ApiRequest(APIGatewayV2HTTPEvent event, JsonBodies bodies) {
        this.event = event;
        this.bodies = bodies;
    }

    /** Set by the pipeline once, after it verified the credential. */
    void authenticated(Authenticator.Caller caller) {
        this.caller = caller;
    }

    /** The authenticated user; an operation on an authenticated route can rely on it. */
    public String userId() {
        return authenticatedUserId().orElseThrow(() -> ApiException.unauthorized("sign in first"));
    }

    public Optional<String> authenticatedUserId() {
        return Optional.ofNullable(caller).map(Authenticator.Caller::userId);
    }

    /** The API key the request was made with; empty for a signed-in user's access token. */
    public Optional<String> apiKeyId() {
        return caller == null ? Optional.empty() : caller.apiKeyId();
    }

    /** The scopes of the request's API key (none for a user's access token, which may do everything its user may). */
    public Set<ApiScope> apiKeyScopes() {
        return caller == null ? Set.of() : caller.apiKeyScopes();
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
