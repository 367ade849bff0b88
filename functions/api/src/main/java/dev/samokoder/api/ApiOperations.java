package dev.samokoder.api;

import dev.samokoder.api.preview.PreviewOperations;
import dev.samokoder.api.projects.ImportOperations;
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
import java.util.List;
import java.util.Map;

/**
 * Binds each route of {@link ApiRoutes} to its operation: a route without one, or an operation bound to no
 * route of the table, fails at start, not at request time.
 */
public final class ApiOperations {

    private ApiOperations() {
    }

    public static Map<String, HttpPipeline.Binding> bind(ApiServices services) {
        return bind(ApiRoutes.routes(), operations(services));
    }

    /** The operation of each route; building them calls no service. */
    static Map<Route, Operation> operations(ApiServices services) {
        var auth = new AuthOperations(services.auth(), services.users());
        var projects = new ProjectOperations(services.projects(), PriceTable.load(services.config().llm().priceTable()));
        var files = new FileOperations(services.projects(), services.workspace());
        var diffs = new DiffOperations(services.projects(), services.workspace());
        var runs = new RunOperations(services.runs());
        var previews = new PreviewOperations(services.previews());
        var imports = new ImportOperations(services.imports());
        var webhooks = new WebhookOperations(services.webhooks());
        var notifications = new NotificationOperations(services.notifications());
        Clock clock = Clock.systemUTC();
        var apiKeys = new ApiKeyOperations(services.apiKeys(), clock);
        var llmKeys = new LlmKeyOperations(services.llmKeys(), services.projects());
        var usage = new UsageOperations(services.usage(), services.credit(), clock);
        var admin = new AdminOperations(services.admins(), services.users(), services.credit(), services.config().billing().maxTopUpUsd());
        return Map.ofEntries(
                Map.entry(ApiRoutes.REGISTER, auth::register),
                Map.entry(ApiRoutes.LOGIN, auth::login),
                Map.entry(ApiRoutes.REFRESH, auth::refresh),
                Map.entry(ApiRoutes.LOGOUT, auth::logout),
                Map.entry(ApiRoutes.OPENAPI, new OpenApiOperation()),
                Map.entry(ApiRoutes.ME, auth::me),
                Map.entry(ApiRoutes.LIST_PROJECTS, projects::list),
                Map.entry(ApiRoutes.CREATE_PROJECT, projects::create),
                Map.entry(ApiRoutes.IMPORT_PROJECT, imports::importZip),
                Map.entry(ApiRoutes.CREATE_IMPORT_UPLOAD, imports::createUpload),
                Map.entry(ApiRoutes.IMPORT_UPLOAD, imports::importUpload),
                Map.entry(ApiRoutes.GET_PROJECT, projects::get),
                Map.entry(ApiRoutes.UPDATE_PROJECT, projects::update),
                Map.entry(ApiRoutes.DELETE_PROJECT, projects::delete),
                Map.entry(ApiRoutes.LIST_FILES, files::tree),
                Map.entry(ApiRoutes.GET_FILE, files::read),
                Map.entry(ApiRoutes.EXPORT_PROJECT, files::export),
                Map.entry(ApiRoutes.DIFF_SNAPSHOTS, diffs::diff),
                Map.entry(ApiRoutes.START_PREVIEW, previews::start),
                Map.entry(ApiRoutes.GET_PREVIEW, previews::get),
                Map.entry(ApiRoutes.STOP_PREVIEW, previews::stop),
                Map.entry(ApiRoutes.START_RUN, runs::start),
                Map.entry(ApiRoutes.LIST_RUNS, runs::list),
                Map.entry(ApiRoutes.GET_RUN, runs::get),
                Map.entry(ApiRoutes.LIST_RUN_EVENTS, runs::events),
                Map.entry(ApiRoutes.LIST_RUN_QUESTIONS, runs::questions),
                Map.entry(ApiRoutes.LIST_RUN_TASKS, runs::tasks),
                Map.entry(ApiRoutes.LIST_TASK_EXECUTIONS, runs::executions),
                Map.entry(ApiRoutes.ANSWER_QUESTION, runs::answer),
                Map.entry(ApiRoutes.CANCEL_RUN, runs::cancel),
                Map.entry(ApiRoutes.RESUME_RUN, runs::resume),
                Map.entry(ApiRoutes.CREATE_WEBHOOK, webhooks::create),
                Map.entry(ApiRoutes.LIST_WEBHOOKS, webhooks::list),
                Map.entry(ApiRoutes.DELETE_WEBHOOK, webhooks::delete),
                Map.entry(ApiRoutes.LIST_WEBHOOK_DELIVERIES, webhooks::deliveries),
                Map.entry(ApiRoutes.DELIVER_WEBHOOK, webhooks::receive),
                Map.entry(ApiRoutes.PUT_NOTIFICATIONS, notifications::put),
                Map.entry(ApiRoutes.GET_NOTIFICATIONS, notifications::get),
                Map.entry(ApiRoutes.DELETE_NOTIFICATIONS, notifications::delete),
                Map.entry(ApiRoutes.LIST_PROJECT_LLM_KEYS, llmKeys::listForProject),
                Map.entry(ApiRoutes.PUT_PROJECT_LLM_KEY, llmKeys::putForProject),
                Map.entry(ApiRoutes.DELETE_PROJECT_LLM_KEY, llmKeys::deleteForProject),
                Map.entry(ApiRoutes.LIST_LLM_KEYS, llmKeys::listOwn),
                Map.entry(ApiRoutes.PUT_LLM_KEY, llmKeys::putOwn),
                Map.entry(ApiRoutes.DELETE_LLM_KEY, llmKeys::deleteOwn),
                Map.entry(ApiRoutes.LIST_API_KEYS, apiKeys::list),
                Map.entry(ApiRoutes.CREATE_API_KEY, apiKeys::create),
                Map.entry(ApiRoutes.DELETE_API_KEY, apiKeys::delete),
                Map.entry(ApiRoutes.GET_USAGE, usage::usage),
                Map.entry(ApiRoutes.EXPORT_USAGE, usage::export),
                Map.entry(ApiRoutes.GET_CREDIT, usage::credit),
                Map.entry(ApiRoutes.TOP_UP_CREDIT, admin::topUp));
    }

    /** Each route with its operation, by route key; a route without an operation, or an operation of no route, fails. */
    static Map<String, HttpPipeline.Binding> bind(List<Route> routes, Map<Route, Operation> operations) {
        List<String> unbound = routes.stream().filter(route -> !operations.containsKey(route)).map(Route::routeKey).toList();
        if (!unbound.isEmpty()) {
            throw new IllegalStateException("routes without an operation: " + unbound);
        }
        List<String> unrouted = operations.keySet().stream().filter(route -> !routes.contains(route)).map(Route::routeKey)
                .sorted().toList();
        if (!unrouted.isEmpty()) {
            throw new IllegalStateException("operations without a route: " + unrouted);
        }
        Map<String, HttpPipeline.Binding> bindings = new HashMap<>();
        for (Route route : routes) {
            bindings.put(route.routeKey(), new HttpPipeline.Binding(route, operations.get(route)));
        }
        return bindings;
    }
}
