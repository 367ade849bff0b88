package dev.samokoder.api;

import dev.samokoder.api.auth.AuthOperations;
import dev.samokoder.api.billing.AdminOperations;
import dev.samokoder.api.billing.UsageOperations;
import dev.samokoder.api.docs.OpenApiOperation;
import dev.samokoder.api.files.DiffOperations;
import dev.samokoder.api.files.FileOperations;
import dev.samokoder.api.http.HttpPipeline;
import dev.samokoder.api.http.Operation;
import dev.samokoder.api.keys.ApiKeyOperations;
import dev.samokoder.api.keys.LlmKeyOperations;
import dev.samokoder.api.notifications.NotificationOperations;
import dev.samokoder.api.projects.ProjectOperations;
import dev.samokoder.api.routes.ApiRoutes;
import dev.samokoder.api.routes.Route;
import dev.samokoder.api.runs.RunOperations;
import dev.samokoder.api.webhooks.WebhookOperations;
import dev.samokoder.core.models.PriceTable;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Binds each route of {@link ApiRoutes} to its operation; a route without one fails at start, not at request time. */
public final class ApiOperations {

    private ApiOperations() {
    }

    public static Map<String, HttpPipeline.Binding> bind(ApiServices services) {
        var auth = new AuthOperations(services.auth(), services.users());
        var projects = new ProjectOperations(services.projects(), PriceTable.load(services.config().llm().priceTable()));
        var files = new FileOperations(services.projects(), services.workspace());
        var diffs = new DiffOperations(services.projects(), services.workspace());
        var runs = new RunOperations(services.runs());
        var webhooks = new WebhookOperations(services.webhooks());
        var notifications = new NotificationOperations(services.notifications());
        Clock clock = Clock.systemUTC();
        var apiKeys = new ApiKeyOperations(services.apiKeys(), clock);
        var llmKeys = new LlmKeyOperations(services.llmKeys(), services.projects());
        var usage = new UsageOperations(services.usage(), services.credit(), clock);
        var admin = new AdminOperations(services.admins(), services.users(), services.credit(), services.config().billing().maxTopUpUsd());
        Map<String, Operation> byRouteKey = Map.ofEntries(
                Map.entry("POST /v1/auth/register", auth::register),
                Map.entry("POST /v1/auth/login", auth::login),
                Map.entry("POST /v1/auth/refresh", auth::refresh),
                Map.entry("POST /v1/auth/logout", auth::logout),
                Map.entry("GET /v1/openapi.json", new OpenApiOperation()),
                Map.entry("GET /v1/me", auth::me),
                Map.entry("GET /v1/projects", projects::list),
                Map.entry("POST /v1/projects", projects::create),
                Map.entry("GET /v1/projects/{projectId}", projects::get),
                Map.entry("PATCH /v1/projects/{projectId}", projects::update),
                Map.entry("DELETE /v1/projects/{projectId}", projects::delete),
                Map.entry("GET /v1/projects/{projectId}/files", files::tree),
                Map.entry("GET /v1/projects/{projectId}/files/{path+}", files::read),
                Map.entry("GET /v1/projects/{projectId}/export", files::export),
                Map.entry("GET /v1/projects/{projectId}/diff", diffs::diff),
                Map.entry("POST /v1/projects/{projectId}/runs", runs::start),
                Map.entry("GET /v1/projects/{projectId}/runs", runs::list),
                Map.entry("GET /v1/runs/{runId}", runs::get),
                Map.entry("GET /v1/runs/{runId}/events", runs::events),
                Map.entry("GET /v1/runs/{runId}/questions", runs::questions),
                Map.entry("GET /v1/runs/{runId}/tasks", runs::tasks),
                Map.entry("GET /v1/runs/{runId}/tasks/{task}/executions", runs::executions),
                Map.entry("POST /v1/runs/{runId}/questions/{questionId}/answer", runs::answer),
                Map.entry("POST /v1/runs/{runId}/cancel", runs::cancel),
                Map.entry("POST /v1/runs/{runId}/resume", runs::resume),
                Map.entry("POST /v1/projects/{projectId}/webhooks", webhooks::create),
                Map.entry("GET /v1/projects/{projectId}/webhooks", webhooks::list),
                Map.entry("DELETE /v1/projects/{projectId}/webhooks/{webhookId}", webhooks::delete),
                Map.entry("GET /v1/projects/{projectId}/webhooks/{webhookId}/deliveries", webhooks::deliveries),
                Map.entry("POST /v1/hooks/{hookId}", webhooks::receive),
                Map.entry("PUT /v1/projects/{projectId}/notifications", notifications::put),
                Map.entry("GET /v1/projects/{projectId}/notifications", notifications::get),
                Map.entry("DELETE /v1/projects/{projectId}/notifications", notifications::delete),
                Map.entry("GET /v1/projects/{projectId}/llm-keys", llmKeys::listForProject),
                Map.entry("PUT /v1/projects/{projectId}/llm-keys/{provider}", llmKeys::putForProject),
                Map.entry("DELETE /v1/projects/{projectId}/llm-keys/{provider}", llmKeys::deleteForProject),
                Map.entry("GET /v1/llm-keys", llmKeys::listOwn),
                Map.entry("PUT /v1/llm-keys/{provider}", llmKeys::putOwn),
                Map.entry("DELETE /v1/llm-keys/{provider}", llmKeys::deleteOwn),
                Map.entry("GET /v1/api-keys", apiKeys::list),
                Map.entry("POST /v1/api-keys", apiKeys::create),
                Map.entry("DELETE /v1/api-keys/{keyId}", apiKeys::delete),
                Map.entry("GET /v1/usage", usage::usage),
                Map.entry("GET /v1/usage/export", usage::export),
                Map.entry("GET /v1/credit", usage::credit),
                Map.entry("POST /v1/admin/users/{userId}/credit", admin::topUp));
        Map<String, HttpPipeline.Binding> bindings = new HashMap<>();
        for (Route route : ApiRoutes.routes()) {
            Operation operation = byRouteKey.get(route.routeKey());
            if (operation == null) {
                throw new IllegalStateException("route " + route.routeKey() + " has no operation");
            }
            bindings.put(route.routeKey(), new HttpPipeline.Binding(route, operation));
        }
        if (bindings.size() != byRouteKey.size()) {
            throw new IllegalStateException("operations without a route: " + byRouteKey.keySet().stream()
                    .filter(key -> !bindings.containsKey(key)).toList());
        }
        return bindings;
    }
}
