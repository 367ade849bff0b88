package dev.samokoder.api.routing;

import java.time.Duration;
import java.util.List;

import static dev.samokoder.services.apikeys.ApiScope.PROJECTS_READ;
import static dev.samokoder.services.apikeys.ApiScope.PROJECTS_WRITE;
import static dev.samokoder.services.apikeys.ApiScope.RUNS_WRITE;
import static dev.samokoder.services.apikeys.ApiScope.USAGE_READ;

/**
 * The HTTP API's route table, in one place: the local gateway serves exactly these routes and
 * the CDK stack creates exactly these; the OpenAPI document is checked against them. A route's
 * scope is what an API key needs to call it; authenticated routes without one take a signed-in
 * user's token only.
 */
public final class ApiRoutes {

    /** The one function behind every route (one warm container serves them all). */
    public static final FunctionSpec API = new FunctionSpec("samokoder-api", "dev.samokoder.api.ApiHandler",
            Duration.ofSeconds(29), 1024);
    /** The Lambda authorizer of the authenticated routes. */
    public static final FunctionSpec AUTHORIZER = new FunctionSpec("samokoder-authorizer",
            "dev.samokoder.api.AuthorizerHandler", Duration.ofSeconds(5), 512);

    private static final List<Route> ROUTES = List.of(
            new Route("POST", "/v1/auth/register", API.name(), false),
            new Route("POST", "/v1/auth/login", API.name(), false),
            new Route("POST", "/v1/auth/refresh", API.name(), false),
            new Route("POST", "/v1/auth/logout", API.name(), false),
            new Route("GET", "/v1/openapi.json", API.name(), false),
            new Route("GET", "/v1/me", API.name(), true),
            new Route("GET", "/v1/projects", API.name(), PROJECTS_READ),
            new Route("POST", "/v1/projects", API.name(), PROJECTS_WRITE),
            new Route("GET", "/v1/projects/{projectId}", API.name(), PROJECTS_READ),
            new Route("PATCH", "/v1/projects/{projectId}", API.name(), PROJECTS_WRITE),
            new Route("DELETE", "/v1/projects/{projectId}", API.name(), PROJECTS_WRITE),
            new Route("GET", "/v1/projects/{projectId}/files", API.name(), PROJECTS_READ),
            new Route("GET", "/v1/projects/{projectId}/files/{path+}", API.name(), PROJECTS_READ),
            new Route("GET", "/v1/projects/{projectId}/export", API.name(), PROJECTS_READ),
            new Route("GET", "/v1/projects/{projectId}/diff", API.name(), PROJECTS_READ),
            new Route("POST", "/v1/projects/{projectId}/runs", API.name(), RUNS_WRITE),
            new Route("GET", "/v1/projects/{projectId}/runs", API.name(), PROJECTS_READ),
            new Route("GET", "/v1/runs/{runId}", API.name(), PROJECTS_READ),
            new Route("GET", "/v1/runs/{runId}/events", API.name(), PROJECTS_READ),
            new Route("GET", "/v1/runs/{runId}/questions", API.name(), PROJECTS_READ),
            new Route("GET", "/v1/runs/{runId}/tasks", API.name(), PROJECTS_READ),
            new Route("GET", "/v1/runs/{runId}/tasks/{task}/executions", API.name(), PROJECTS_READ),
            new Route("POST", "/v1/runs/{runId}/questions/{questionId}/answer", API.name(), RUNS_WRITE),
            new Route("POST", "/v1/runs/{runId}/cancel", API.name(), RUNS_WRITE),
            new Route("POST", "/v1/runs/{runId}/resume", API.name(), RUNS_WRITE),
            new Route("POST", "/v1/projects/{projectId}/webhooks", API.name(), true),
            new Route("GET", "/v1/projects/{projectId}/webhooks", API.name(), true),
            new Route("DELETE", "/v1/projects/{projectId}/webhooks/{webhookId}", API.name(), true),
            new Route("GET", "/v1/projects/{projectId}/webhooks/{webhookId}/deliveries", API.name(), true),
            new Route("POST", "/v1/hooks/{hookId}", API.name(), false),
            new Route("PUT", "/v1/projects/{projectId}/notifications", API.name(), true),
            new Route("GET", "/v1/projects/{projectId}/notifications", API.name(), true),
            new Route("DELETE", "/v1/projects/{projectId}/notifications", API.name(), true),
            new Route("GET", "/v1/projects/{projectId}/llm-keys", API.name(), true),
            new Route("PUT", "/v1/projects/{projectId}/llm-keys/{provider}", API.name(), true),
            new Route("DELETE", "/v1/projects/{projectId}/llm-keys/{provider}", API.name(), true),
            new Route("GET", "/v1/llm-keys", API.name(), true),
            new Route("PUT", "/v1/llm-keys/{provider}", API.name(), true),
            new Route("DELETE", "/v1/llm-keys/{provider}", API.name(), true),
            new Route("GET", "/v1/api-keys", API.name(), true),
            new Route("POST", "/v1/api-keys", API.name(), true),
            new Route("DELETE", "/v1/api-keys/{keyId}", API.name(), true),
            new Route("GET", "/v1/usage", API.name(), USAGE_READ),
            new Route("GET", "/v1/usage/export", API.name(), USAGE_READ),
            new Route("GET", "/v1/credit", API.name(), USAGE_READ),
            new Route("POST", "/v1/admin/users/{userId}/credit", API.name(), true));

    private ApiRoutes() {
    }

    /** Every route of the public API. */
    public static List<Route> routes() {
        return ROUTES;
    }

    /** Every function the routes name. */
    public static List<FunctionSpec> functions() {
        return List.of(API);
    }
}
