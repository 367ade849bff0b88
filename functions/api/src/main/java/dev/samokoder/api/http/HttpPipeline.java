package dev.samokoder.api.http;

import dev.samokoder.api.routes.ApiRoutes;
import dev.samokoder.api.routes.Route;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.http.Problem;
import dev.samokoder.services.apikeys.ApiKeyService;
import dev.samokoder.services.apikeys.ApiScope;
import dev.samokoder.services.auth.RateLimiter;
import dev.samokoder.services.imports.ImportRefusedException;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * What every request goes through, in one place: route lookup, the caller's credential verified
 * ({@link Authenticator}), body limits and media type, an API key's scope for the route, the per-user (per-key, per-IP) rate
 * limit, an API key's monthly quota, the operation, the mapping of any
 * error to a problem, security headers, and one structured access-log line. Request bodies,
 * tokens and passwords are never logged.
 */
public final class HttpPipeline {

    private static final Logger log = LoggerFactory.getLogger(HttpPipeline.class);
    private static final Logger access = LoggerFactory.getLogger("access");

    /**
     * A route, the operation that serves it, and the scope an API key needs to call it (the route's
     * scope name resolved: a name that is no {@link ApiScope} fails when the routes are bound, not at request time).
     */
    public record Binding(Route route, Optional<ApiScope> apiKeyScope, Operation operation) {

        public Binding(Route route, Operation operation) {
            this(route, route.apiKeyScope().map(name -> ApiScope.fromWireName(name).orElseThrow(
                    () -> new IllegalArgumentException("route " + route.routeKey() + " names no API-key scope: " + name))),
                    operation);
        }
    }

    /** What the pipeline itself uses of the API's services (the operations get theirs when they are bound). */
    public interface Services {

        SamokoderConfig config();

        JsonBodies bodies();

        SecurityHeaders securityHeaders();

        RateLimiter rateLimiter();

        RateLimiter apiKeyRateLimiter();

        ApiKeyService apiKeys();

        Authenticator authenticator();
    }

    private final Map<String, Binding> bindings;
    private final Services services;

    public HttpPipeline(Map<String, Binding> bindings, Services services) {
        this.bindings = Map.copyOf(bindings);
        this.services = services;
    }

    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event) {
        long started = System.nanoTime();
        ApiRequest request = new ApiRequest(event, services.bodies());
        MDC.put("requestId", request.requestId());
        MDC.put("route", String.valueOf(event.getRouteKey()));
        ApiResponse response;
        try {
            response = run(request);
        } catch (Throwable error) {
            response = respond(error, request);
        }
        try {
            Map<String, String> headers = services.securityHeaders().forRequest(request);
            APIGatewayV2HTTPResponse result = response.toEvent(headers);
            access.info("{} {} -> {} in {} ms ({} bytes)", method(event), event.getRawPath(), response.status(),
                    (System.nanoTime() - started) / 1_000_000, response.bodyLength());
            return result;
        } finally {
            MDC.clear();
        }
    }

    private ApiResponse run(ApiRequest request) {
        Binding binding = bindings.get(request.routeKey());
        if (binding == null) {
            throw ApiException.notFound("no route " + request.routeKey());
        }
        // the credential first: a 401 means nothing else was looked at, so a client may renew its token and retry
        if (binding.route().authenticated()) {
            request.authenticated(services.authenticator().authenticate(request));
            MDC.put("userId", request.userId());
            request.apiKeyId().ifPresent(keyId -> MDC.put("apiKeyId", keyId));
        }
        byte[] body = request.rawBody();
        if (ApiRoutes.takesZip(binding.route())) {
            int limit = services.config().api().imports().maxZipBytes();
            if (body.length > limit) {
                throw new ImportRefusedException(ImportRefusedException.Reason.TOO_LARGE, "the archive is over " + limit
                        + " bytes, the most a request may carry");
            }
            if (!isZip(request.header("content-type").orElse(""))) {
                throw ApiException.unsupportedMediaType("application/zip");
            }
        } else {
            int limit = services.config().api().maxJsonBodyBytes();
            if (body.length > limit) {
                throw ApiException.payloadTooLarge(limit);
            }
            if (body.length > 0 && !takesBody(binding.route().method())) {
                throw ApiException.unexpectedBody(binding.route().method());
            }
            if (body.length > 0 && !isJson(request.header("content-type").orElse(""))) {
                throw ApiException.unsupportedMediaType("application/json");
            }
        }
        String subject;
        RateLimiter limiter = services.rateLimiter();
        Optional<String> apiKeyId = Optional.empty();
        if (binding.route().authenticated()) {
            apiKeyId = request.apiKeyId();
            if (apiKeyId.isPresent()) {
                ApiScope needed = binding.apiKeyScope().orElseThrow(ApiException::apiKeyNotAllowed);
                if (!request.apiKeyScopes().contains(needed)) {
                    throw ApiException.insufficientScope(needed.wireName());
                }
                subject = "key#" + apiKeyId.get();
                limiter = services.apiKeyRateLimiter();
            } else {
                subject = "user#" + request.userId();
            }
        } else {
            subject = "ip#" + request.sourceIp();
        }
        RateLimiter.Decision decision = limiter.acquire(subject);
        if (!decision.allowed()) {
            throw ApiException.rateLimited(decision.retryAfter());
        }
        if (apiKeyId.isPresent()) {
            services.apiKeys().recordUse(request.userId(), apiKeyId.get()); // the monthly quota; refuses a key revoked meanwhile
        }
        return binding.operation().handle(request);
    }

    private static ApiResponse respond(Throwable error, ApiRequest request) {
        Problems.Mapped mapped = Problems.of(error, request.requestId());
        Problem problem = mapped.problem();
        if (problem.status() >= 500) {
            log.error("request failed", error);
        } else {
            log.info("request refused: {} ({})", problem.type().substring(Problem.TYPE_BASE.length()), problem.status());
        }
        ApiResponse response = ApiResponse.problem(problem);
        if (mapped.retryAfter() != null) {
            response = response.withHeader("Retry-After", Long.toString(ApiException.seconds(mapped.retryAfter())));
        }
        for (Map.Entry<String, String> header : mapped.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        return context == null || context.getHttp() == null ? "?" : context.getHttp().getMethod();
    }

    private static boolean takesBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private static boolean isZip(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return type.equals("application/zip") || type.equals("application/x-zip-compressed");
    }

    private static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
        return type.equals("application/json") || type.endsWith("+json");
    }
}
