package dev.samokoder.local.gateway;

import dev.samokoder.api.routes.Route;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the gateway serves: the route table, the functions by name, the health probes, the web
 * app folder and the origins allowed by CORS.
 */
public record GatewaySetup(String host, int port, List<Route> routes, Map<String, HttpFunction> functions,
                           HealthCheck health, Path staticDir, List<String> corsOrigins) {

    public GatewaySetup {
        routes = List.copyOf(routes);
        functions = Map.copyOf(functions);
        corsOrigins = List.copyOf(corsOrigins);
        for (Route route : routes) {
            if (!functions.containsKey(route.function())) {
                throw new IllegalArgumentException("route " + route.routeKey() + " names function " + route.function()
                        + ", which is not registered");
            }
        }
    }
}
