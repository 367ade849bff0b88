package dev.samokoder.api.projects;

import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.Checks;
import dev.samokoder.api.http.QueryParameters;
import dev.samokoder.core.domain.Project;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.models.ModelOverrides;
import dev.samokoder.core.models.PriceTable;
import dev.samokoder.core.storage.Page;
import dev.samokoder.core.validation.ValidationException;
import dev.samokoder.services.projects.ProjectChanges;
import dev.samokoder.services.projects.ProjectService;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code /v1/projects} and {@code /v1/projects/{projectId}}. */
public final class ProjectOperations {

    public record ProjectList(List<ProjectView> items, String nextCursor) {
    }

    private final ProjectService projects;
    private final PriceTable prices;

    /** @param prices the gateway's price table: a project may choose only models whose calls can be priced */
    public ProjectOperations(ProjectService projects, PriceTable prices) {
        this.projects = projects;
        this.prices = prices;
    }

    public ApiResponse list(ApiRequest request) {
        int limit = QueryParameters.limit(request.query("limit"));
        Page<Project> page = projects.list(request.userId(), limit, request.query("cursor").filter(c -> !c.isEmpty()));
        return ApiResponse.json(200, new ProjectList(page.items().stream().map(ProjectView::of).toList(),
                page.nextCursor().orElse(null)));
    }

    public ApiResponse create(ApiRequest request) {
        var body = request.body(ProjectRequests.CreateProject.class);
        ProjectSettings settings = ProjectSettings.defaults();
        if (body.settings() != null) {
            requirePriced(body.settings());
            settings = new ProjectSettings(body.settings().budgetChange().orElse(Optional.empty()),
                    body.settings().autonomyChange().orElse(settings.autonomy()),
                    new ModelOverrides(body.settings().modelChange().orElse(Optional.empty()),
                            body.settings().agentModelsChange().orElse(Map.of())));
        }
        Project project = projects.create(request.userId(), body.name().strip(),
                body.description() == null ? "" : body.description(), settings);
        return withEtag(ApiResponse.json(201, ProjectView.of(project)), project)
                .withHeader("Location", "/v1/projects/" + project.id());
    }

    public ApiResponse get(ApiRequest request) {
        Project project = OwnedProject.load(request, projects);
        return withEtag(ApiResponse.json(200, ProjectView.of(project)), project);
    }

    public ApiResponse update(ApiRequest request) {
        String projectId = OwnedProject.id(request);
        var body = request.body(ProjectRequests.UpdateProject.class);
        var settings = body.settings();
        if (settings != null) {
            requirePriced(settings);
        }
        var changes = new ProjectChanges(Optional.ofNullable(body.name()).map(String::strip), Optional.ofNullable(body.description()),
                settings == null ? Optional.empty() : settings.budgetChange(),
                settings == null ? Optional.empty() : settings.autonomyChange(),
                settings == null ? Optional.empty() : settings.modelChange(),
                settings == null ? Optional.empty() : settings.agentModelsChange());
        Project project = projects.update(request.userId(), projectId, body.version(), changes);
        return withEtag(ApiResponse.json(200, ProjectView.of(project)), project);
    }

    public ApiResponse delete(ApiRequest request) {
        OptionalLong expected = request.header("if-match").map(ProjectOperations::parseEtag).orElse(OptionalLong.empty());
        projects.delete(request.userId(), OwnedProject.id(request), expected);
        return ApiResponse.noContent();
    }

    /** A model whose calls cannot be priced could never be budgeted: refused here rather than at the run's first call. */
    private void requirePriced(ProjectRequests.SettingsInput settings) {
        Checks checks = Checks.of();
        settings.namedModels().forEach((field, model) -> checks.that(prices.lists(model), field,
                "is not a model the platform can price (" + model + " is not in the price table; see docs/llm.md)"));
        checks.done();
    }

    private static ApiResponse withEtag(ApiResponse response, Project project) {
        return response.withHeader("ETag", "\"" + project.version() + "\"");
    }

    /** An ETag to match, or none for {@code *} (any current version, as HTTP defines it). */
    private static OptionalLong parseEtag(String value) {
        String trimmed = value.strip();
        if (trimmed.equals("*")) {
            return OptionalLong.empty();
        }
        if (trimmed.startsWith("W/")) {
            trimmed = trimmed.substring(2);
        }
        trimmed = trimmed.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(trimmed));
        } catch (NumberFormatException e) {
            throw ValidationException.of("If-Match", "must be the ETag of the project (its version)");
        }
    }
}
