package dev.samokoder.api.routes;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One HTTP route: method, path template (API Gateway syntax: {@code {name}} for a segment,
 * {@code {name+}} for the rest of the path), the function that serves it, whether the
 * authorizer runs first, and the scope an API key needs to call it. An authenticated route
 * without a scope is for a signed-in user only (managing keys, administration): no API key may
 * call it.
 *
 * @param apiKeyScope the scope's wire name ({@code "projects:read"}), as API keys carry it and the
 *                    OpenAPI document lists it; the API resolves it to its {@code ApiScope} when it binds the routes
 */
public record Route(String method, String path, String function, boolean authenticated, Optional<String> apiKeyScope) {

    private static final Pattern METHOD = Pattern.compile("GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS");
    private static final Pattern PATH = Pattern.compile("(/([A-Za-z0-9._-]+|\\{[A-Za-z][A-Za-z0-9]*\\+?}))+");
    private static final Pattern SCOPE = Pattern.compile("[a-z]+:[a-z]+");

    public Route {
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(apiKeyScope, "apiKeyScope");
        if (!METHOD.matcher(method).matches()) {
            throw new IllegalArgumentException("unsupported method " + method);
        }
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a route path: " + path);
        }
        int greedy = path.indexOf("+}");
        if (greedy >= 0 && greedy != path.length() - 2) {
            throw new IllegalArgumentException("a greedy {name+} segment must be last: " + path);
        }
        if (!authenticated && apiKeyScope.isPresent()) {
            throw new IllegalArgumentException("a public route needs no scope: " + path);
        }
        if (apiKeyScope.isPresent() && !SCOPE.matcher(apiKeyScope.get()).matches()) {
            throw new IllegalArgumentException("not a scope: " + apiKeyScope.get());
        }
    }

    /** A public route, or one for signed-in users only. */
    public Route(String method, String path, String function, boolean authenticated) {
        this(method, path, function, authenticated, Optional.empty());
    }

    /** An authenticated route that API keys with {@code scope} may call too. */
    public Route(String method, String path, String function, String scope) {
        this(method, path, function, true, Optional.of(scope));
    }

    /** The route key as API Gateway puts it in the event: {@code "GET /v1/projects/{projectId}"}. */
    public String routeKey() {
        return method + " " + path;
    }
}
