package dev.samokoder.local.gateway;

import dev.samokoder.api.routes.Route;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Picks the route for a request the way API Gateway HTTP APIs do: the most specific route wins
 * (literal segments before {@code {param}}, a greedy {@code {param+}} last); the method must match.
 */
final class RouteMatcher {

    /** A matched route and the path parameters it binds (URL-decoded, as API Gateway passes them). */
    record Match(Route route, Map<String, String> pathParameters) {
    }

    private final List<Route> routes;

    RouteMatcher(List<Route> routes) {
        this.routes = routes.stream().sorted(Comparator.comparingInt(RouteMatcher::specificity).reversed()).toList();
    }

    Optional<Match> match(String method, String rawPath) {
        String[] actual = segments(rawPath);
        for (Route route : routes) {
            if (!route.method().equals(method)) {
                continue;
            }
            Map<String, String> parameters = bind(segments(route.path()), actual);
            if (parameters != null) {
                return Optional.of(new Match(route, parameters));
            }
        }
        return Optional.empty();
    }

    /** True if some route has this path with another method (the answer is then 405, not 404). */
    boolean pathExists(String rawPath) {
        String[] actual = segments(rawPath);
        return routes.stream().anyMatch(route -> bind(segments(route.path()), actual) != null);
    }

    private static Map<String, String> bind(String[] template, String[] actual) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String part = template[i];
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= actual.length) {
                    return null;
                }
                String rest = String.join("/", java.util.Arrays.copyOfRange(actual, i, actual.length));
                parameters.put(part.substring(1, part.length() - 2), decode(rest));
                return parameters;
            }
            if (i >= actual.length) {
                return null;
            }
            if (part.startsWith("{")) {
                if (actual[i].isEmpty()) {
                    return null;
                }
                parameters.put(part.substring(1, part.length() - 1), decode(actual[i]));
            } else if (!part.equals(actual[i])) {
                return null;
            }
        }
        return template.length == actual.length ? parameters : null;
    }

    private static String[] segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** Literal segments count most; a parameter a little; a greedy parameter least. */
    private static int specificity(Route route) {
        int score = 0;
        for (String part : segments(route.path())) {
            score += part.endsWith("+}") ? 0 : part.startsWith("{") ? 1 : 3;
        }
        return score;
    }
}
