package dev.samokoder.api.routing;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HTTP route: method, path template (API Gateway syntax: {@code {name}} for a segment,
 * {@code {name+}} for the rest of the path), the function that serves it, and whether the
 * authorizer runs first.
 */
public record Route(String method, String path, String function, boolean authenticated) {

    private static final Pattern METHOD = Pattern.compile("GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS");
    private static final Pattern PATH = Pattern.compile("(/([A-Za-z0-9._-]+|\\{[A-Za-z][A-Za-z0-9]*\\+?}))+");

    public Route {
        Objects.requireNonNull(function, "function");
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
    }

    /** The route key as API Gateway puts it in the event: {@code "GET /v1/projects/{projectId}"}. */
    public String routeKey() {
        return method + " " + path;
    }
}
