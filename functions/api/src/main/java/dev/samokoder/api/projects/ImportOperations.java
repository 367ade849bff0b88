package dev.samokoder.api.projects;

import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.Checks;
import dev.samokoder.services.imports.ProjectImports;
import java.util.List;

/**
 * {@code POST /v1/projects/import?name=…[&description=…]} with a zip archive as the body ({@code application/zip}):
 * a new project with the archive's files. The archive is checked whole before anything is written (docs/git.md).
 */
public final class ImportOperations {

    /** The new project, how many files it got, and what of the archive was left out, each with why. */
    record ImportView(ProjectView project, int files, int binaryFiles, List<String> skipped) {
    }

    /** The description travels in the address, which API Gateway limits (with the headers) to 10,240 bytes. */
    static final int MAX_DESCRIPTION = 1_000;

    private final ProjectImports imports;

    public ImportOperations(ProjectImports imports) {
        this.imports = imports;
    }

    public ApiResponse importZip(ApiRequest request) {
        String name = request.query("name").map(String::strip).orElse(null);
        String description = request.query("description").orElse("");
        Checks.of().required("name", name).text("name", name, 1, ProjectRequests.MAX_NAME, false)
                .text("description", description, 0, MAX_DESCRIPTION, true).done();
        ProjectImports.Imported imported = imports.fromZip(request.userId(), name, description, request.rawBody());
        return ApiResponse.json(201, new ImportView(ProjectView.of(imported.project()), imported.files(), imported.binaryFiles(),
                        imported.skipped()))
                .withHeader("Location", "/v1/projects/" + imported.project().id());
    }
}
