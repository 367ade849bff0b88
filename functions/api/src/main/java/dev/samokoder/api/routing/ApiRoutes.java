package dev.samokoder.api.routing;

import java.util.List;

/**
 * The HTTP API's route table, in one place: the local gateway serves exactly these routes and
 * the CDK stack creates exactly these (later issue). Routes are added with their handlers.
 */
public final class ApiRoutes {

    private ApiRoutes() {
    }

    /** Every route of the public API. */
    public static List<Route> routes() {
        return List.of();
    }

    /** Every function the routes name. */
    public static List<FunctionSpec> functions() {
        return List.of();
    }
}
