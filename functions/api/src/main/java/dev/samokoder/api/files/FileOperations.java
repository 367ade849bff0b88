package dev.samokoder.api.files;

import dev.samokoder.api.http.ApiException;
import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.InvalidPathException;
import dev.samokoder.api.projects.OwnedProject;
import dev.samokoder.core.domain.FileEntry;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.http.Problem;
import dev.samokoder.services.projects.ProjectService;
import dev.samokoder.services.workspace.Export;
import dev.samokoder.services.workspace.ExportTooLargeException;
import dev.samokoder.services.workspace.WorkspaceService;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** {@code /v1/projects/{projectId}/files}, {@code .../files/{path+}} and {@code .../export}. */
public final class FileOperations {

    public record FileView(String path, long size, String sha256, Instant updatedAt) {
        static FileView of(FileEntry entry) {
            return new FileView(entry.path().value(), entry.blob().size(), entry.blob().sha256(), entry.updatedAt());
        }
    }

    public record TreeView(List<FileView> files, boolean truncated) {
    }

    public record ExportView(String url, Instant expiresAt, long sizeBytes, int fileCount) {
    }

    private final ProjectService projects;
    private final WorkspaceService workspace;

    public FileOperations(ProjectService projects, WorkspaceService workspace) {
        this.projects = projects;
        this.workspace = workspace;
    }

    public ApiResponse tree(ApiRequest request) {
        String projectId = ownedProjectId(request);
        WorkspaceService.Tree tree = workspace.tree(projectId);
        return ApiResponse.json(200, new TreeView(tree.files().stream().map(FileView::of).toList(), tree.truncated()));
    }

    /**
     * One file's bytes. Text is served as {@code text/plain} and everything else as an attachment,
     * never with a type a browser would render, so a generated HTML or SVG file cannot run script
     * on the API's origin.
     */
    public ApiResponse read(ApiRequest request) {
        String projectId = ownedProjectId(request);
        WorkspacePath path = path(request.pathParameter("path"));
        var file = workspace.read(projectId, path)
                .orElseThrow(() -> ApiException.notFound("no file " + path.value() + " in project " + projectId));
        boolean text = isUtf8(file.content());
        ApiResponse response = ApiResponse.bytes(200, text ? "text/plain; charset=utf-8" : "application/octet-stream", file.content())
                .withHeader("ETag", "\"" + file.entry().blob().sha256() + "\"");
        return text ? response : response.withHeader("Content-Disposition", "attachment");
    }

    public ApiResponse export(ApiRequest request) {
        String projectId = ownedProjectId(request);
        try {
            Export export = workspace.export(projectId);
            return ApiResponse.json(200, new ExportView(export.url().toString(), export.expiresAt(), export.sizeBytes(), export.fileCount()));
        } catch (ExportTooLargeException e) {
            return ApiResponse.problem(Problem.of("export-too-large", "Export too large", 413, e.getMessage()));
        }
    }

    private String ownedProjectId(ApiRequest request) {
        return OwnedProject.load(request, projects).id();
    }

    /** API Gateway has decoded the path once; anything still encoded, or leaving the workspace, is refused. */
    static WorkspacePath path(String raw) {
        String problem = WorkspacePath.problem(raw);
        if (problem == null && raw.matches("(?i).*%(2e|2f|5c|00|25).*")) {
            problem = "it contains a percent-encoded '.', '/', '\\\\', '%' or NUL";
        }
        if (problem != null) {
            throw new InvalidPathException("invalid path: " + problem);
        }
        return WorkspacePath.of(raw);
    }

    private static boolean isUtf8(byte[] content) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
