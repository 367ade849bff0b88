package dev.samokoder.api.projects;

import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.Checks;
import dev.samokoder.services.imports.ImportUploads;
import dev.samokoder.services.imports.ProjectImports;
import java.util.List;

/**
 * {@code POST /v1/projects/import?name=…[&description=…]} with a zip archive as the body ({@code application/zip}):
 * a new project with the archive's files. A larger archive is uploaded first: {@code POST /v1/projects/import/uploads}
 * gives a presigned URL to PUT it to, {@code POST /v1/projects/import/uploads/{uploadId}?name=…} imports it. The
 * archive is checked whole before anything is written (docs/git.md).
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

    /** Where to upload an archive too large for a request, until when, and how large it may be. */
    record UploadView(String id, String url, String expiresAt, long maxBytes) {
    }

    public ApiResponse importZip(ApiRequest request) {
        Naming naming = naming(request);
        return imported(imports.fromZip(request.userId(), naming.name(), naming.description(), request.rawBody()));
    }

    public ApiResponse createUpload(ApiRequest request) {
        ImportUploads.Upload upload = imports.upload(request.userId());
        return ApiResponse.json(201, new UploadView(upload.id(), upload.url().toString(), upload.expiresAt().toString(),
                upload.maxBytes()));
    }

    public ApiResponse importUpload(ApiRequest request) {
        Naming naming = naming(request);
        return imported(imports.fromUpload(request.userId(), request.pathParameter("uploadId"), naming.name(), naming.description()));
    }

    private record Naming(String name, String description) {
    }

    private static Naming naming(ApiRequest request) {
        String name = request.query("name").map(String::strip).orElse(null);
        String description = request.query("description").orElse("");
        Checks.of().required("name", name).text("name", name, 1, ProjectRequests.MAX_NAME, false)
                .text("description", description, 0, MAX_DESCRIPTION, true).done();
        return new Naming(name, description);
    }

    private static ApiResponse imported(ProjectImports.Imported imported) {
        return ApiResponse.json(201, new ImportView(ProjectView.of(imported.project()), imported.files(), imported.binaryFiles(),
                        imported.skipped()))
                .withHeader("Location", "/v1/projects/" + imported.project().id());
    }
}
