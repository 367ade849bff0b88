package dev.samokoder.api.routes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The HTTP API's route table, in one place: the API binds one operation to each route, the local
 * gateway serves exactly these routes and the CDK stack creates exactly these; the OpenAPI document
 * is checked against them. Each route is a constant named after its operation in the document
 * ({@code CREATE_PROJECT} is {@code createProject}). A route's scope is what an API key needs to call
 * it; authenticated routes without one take a signed-in user's token only.
 */
public final class ApiRoutes {

    /** The one function behind every route (one warm container serves them all). */
    public static final FunctionSpec API = new FunctionSpec("samokoder-api", "dev.samokoder.api.ApiHandler",
            Duration.ofSeconds(29), 1024);

    /** The API-key scopes, by their wire names (the API's {@code ApiScope}s; its binding refuses any other). */
    private static final String PROJECTS_READ = "projects:read";
    private static final String PROJECTS_WRITE = "projects:write";
    private static final String RUNS_WRITE = "runs:write";
    private static final String USAGE_READ = "usage:read";

    /** Filled by the constants below, in their order: a route is declared once. */
    private static final List<Route> ROUTES = new ArrayList<>();

    public static final Route REGISTER = route("POST", "/v1/auth/register", false);
    public static final Route LOGIN = route("POST", "/v1/auth/login", false);
    public static final Route REFRESH = route("POST", "/v1/auth/refresh", false);
    public static final Route LOGOUT = route("POST", "/v1/auth/logout", false);
    public static final Route OPENAPI = route("GET", "/v1/openapi.json", false);
    public static final Route ME = route("GET", "/v1/me", true);

    public static final Route LIST_PROJECTS = route("GET", "/v1/projects", PROJECTS_READ);
    public static final Route CREATE_PROJECT = route("POST", "/v1/projects", PROJECTS_WRITE);
    /** Its body is a zip archive, not JSON ({@link #takesZip}). */
    public static final Route IMPORT_PROJECT = route("POST", "/v1/projects/import", PROJECTS_WRITE);
    public static final Route CREATE_IMPORT_UPLOAD = route("POST", "/v1/projects/import/uploads", PROJECTS_WRITE);
    public static final Route IMPORT_UPLOAD = route("POST", "/v1/projects/import/uploads/{uploadId}", PROJECTS_WRITE);
    public static final Route GET_PROJECT = route("GET", "/v1/projects/{projectId}", PROJECTS_READ);
    public static final Route UPDATE_PROJECT = route("PATCH", "/v1/projects/{projectId}", PROJECTS_WRITE);
    public static final Route DELETE_PROJECT = route("DELETE", "/v1/projects/{projectId}", PROJECTS_WRITE);
    public static final Route LIST_FILES = route("GET", "/v1/projects/{projectId}/files", PROJECTS_READ);
    public static final Route GET_FILE = route("GET", "/v1/projects/{projectId}/files/{path+}", PROJECTS_READ);
    public static final Route EXPORT_PROJECT = route("GET", "/v1/projects/{projectId}/export", PROJECTS_READ);
    public static final Route DIFF_SNAPSHOTS = route("GET", "/v1/projects/{projectId}/diff", PROJECTS_READ);
    public static final Route START_PREVIEW = route("POST", "/v1/projects/{projectId}/preview", true);
    public static final Route GET_PREVIEW = route("GET", "/v1/projects/{projectId}/preview", true);
    public static final Route STOP_PREVIEW = route("DELETE", "/v1/projects/{projectId}/preview", true);

    public static final Route START_RUN = route("POST", "/v1/projects/{projectId}/runs", RUNS_WRITE);
    public static final Route LIST_RUNS = route("GET", "/v1/projects/{projectId}/runs", PROJECTS_READ);
    public static final Route GET_RUN = route("GET", "/v1/runs/{runId}", PROJECTS_READ);
    public static final Route LIST_RUN_EVENTS = route("GET", "/v1/runs/{runId}/events", PROJECTS_READ);
    public static final Route LIST_RUN_QUESTIONS = route("GET", "/v1/runs/{runId}/questions", PROJECTS_READ);
    public static final Route LIST_RUN_TASKS = route("GET", "/v1/runs/{runId}/tasks", PROJECTS_READ);
    public static final Route LIST_TASK_EXECUTIONS = route("GET", "/v1/runs/{runId}/tasks/{task}/executions", PROJECTS_READ);
    public static final Route ANSWER_QUESTION = route("POST", "/v1/runs/{runId}/questions/{questionId}/answer", RUNS_WRITE);
    public static final Route CANCEL_RUN = route("POST", "/v1/runs/{runId}/cancel", RUNS_WRITE);
    public static final Route RESUME_RUN = route("POST", "/v1/runs/{runId}/resume", RUNS_WRITE);

    public static final Route CREATE_WEBHOOK = route("POST", "/v1/projects/{projectId}/webhooks", true);
    public static final Route LIST_WEBHOOKS = route("GET", "/v1/projects/{projectId}/webhooks", true);
    public static final Route DELETE_WEBHOOK = route("DELETE", "/v1/projects/{projectId}/webhooks/{webhookId}", true);
    public static final Route LIST_WEBHOOK_DELIVERIES = route("GET", "/v1/projects/{projectId}/webhooks/{webhookId}/deliveries", true);
    /** Public: a delivery proves itself with its webhook's signature, not a credential. */
    public static final Route DELIVER_WEBHOOK = route("POST", "/v1/hooks/{hookId}", false);
    public static final Route PUT_NOTIFICATIONS = route("PUT", "/v1/projects/{projectId}/notifications", true);
    public static final Route GET_NOTIFICATIONS = route("GET", "/v1/projects/{projectId}/notifications", true);
    public static final Route DELETE_NOTIFICATIONS = route("DELETE", "/v1/projects/{projectId}/notifications", true);

    public static final Route LIST_PROJECT_LLM_KEYS = route("GET", "/v1/projects/{projectId}/llm-keys", true);
    public static final Route PUT_PROJECT_LLM_KEY = route("PUT", "/v1/projects/{projectId}/llm-keys/{provider}", true);
    public static final Route DELETE_PROJECT_LLM_KEY = route("DELETE", "/v1/projects/{projectId}/llm-keys/{provider}", true);
    public static final Route LIST_LLM_KEYS = route("GET", "/v1/llm-keys", true);
    public static final Route PUT_LLM_KEY = route("PUT", "/v1/llm-keys/{provider}", true);
    public static final Route DELETE_LLM_KEY = route("DELETE", "/v1/llm-keys/{provider}", true);
    public static final Route LIST_API_KEYS = route("GET", "/v1/api-keys", true);
    public static final Route CREATE_API_KEY = route("POST", "/v1/api-keys", true);
    public static final Route DELETE_API_KEY = route("DELETE", "/v1/api-keys/{keyId}", true);

    public static final Route GET_USAGE = route("GET", "/v1/usage", USAGE_READ);
    public static final Route EXPORT_USAGE = route("GET", "/v1/usage/export", USAGE_READ);
    public static final Route GET_CREDIT = route("GET", "/v1/credit", USAGE_READ);
    public static final Route TOP_UP_CREDIT = route("POST", "/v1/admin/users/{userId}/credit", true);

    private ApiRoutes() {
    }

    /** Every route of the public API, in the order above. */
    public static List<Route> routes() {
        return Collections.unmodifiableList(ROUTES);
    }

    /** Every function the routes name. */
    /** Whether the route's body is a zip archive ({@code application/zip}) rather than JSON. */
    public static boolean takesZip(Route route) {
        return route.equals(IMPORT_PROJECT);
    }

    public static List<FunctionSpec> functions() {
        return List.of(API);
    }

    /** A public route, or one for signed-in users only. */
    private static Route route(String method, String path, boolean authenticated) {
        return add(new Route(method, path, API.name(), authenticated));
    }

    /** A route that API keys with {@code scope} may call too. */
    private static Route route(String method, String path, String scope) {
        return add(new Route(method, path, API.name(), scope));
    }

    private static Route add(Route route) {
        if (ROUTES.stream().anyMatch(declared -> declared.routeKey().equals(route.routeKey()))) {
            throw new IllegalStateException("route " + route.routeKey() + " is declared twice");
        }
        ROUTES.add(route);
        return route;
    }
}
