package dev.samokoder.api.files;

import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.api.http.ApiResponse;
import dev.samokoder.api.http.Checks;
import dev.samokoder.api.projects.OwnedProject;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.sandbox.ManifestEntry;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.projects.ProjectService;
import dev.samokoder.services.workspace.SnapshotDiffs;
import dev.samokoder.services.workspace.WorkspaceService;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code GET /v1/projects/{projectId}/diff?from=&to=[&path=]}: what changed between two of the
 * project's snapshots (the keys the run events carry), and one file's two versions as text.
 * Content is only served for a path of one of the two snapshots, never by a blob's hash.
 */
public final class DiffOperations {

    static final int MAX_KEY = 300;
    private static final String NOT_A_KEY = "must be a snapshot key (snapshots/<projectId>/<sha256>.json), as the run events carry";

    record BlobView(String sha256, long size) {
        static BlobView of(Optional<ManifestEntry> entry) {
            return entry.map(e -> new BlobView(e.sha256(), e.size())).orElse(null);
        }
    }

    /** {@code change} is added, modified or deleted. */
    record ChangedFileView(String path, String change, BlobView before, BlobView after) {
        static ChangedFileView of(SnapshotDiffs.ChangedFile file) {
            return new ChangedFileView(file.path(), DiffOperations.change(file.change()), BlobView.of(file.before()),
                    BlobView.of(file.after()));
        }
    }

    record DiffView(String from, String to, List<ChangedFileView> files, boolean truncated) {
    }

    /** A version is null when the file is absent from that snapshot, or not shown ({@code binary}, {@code truncated}). */
    record FileDiffView(String path, String change, String before, String after, boolean binary, boolean truncated) {
    }

    private final ProjectService projects;
    private final WorkspaceService workspace;

    public DiffOperations(ProjectService projects, WorkspaceService workspace) {
        this.projects = projects;
        this.workspace = workspace;
    }

    public ApiResponse diff(ApiRequest request) {
        String from = request.query("from").orElse(null);
        String to = request.query("to").orElse(null);
        Optional<String> rawPath = request.query("path");
        Checks.of().required("from", from).that(from == null || isKey(from), "from", NOT_A_KEY)
                .required("to", to).that(to == null || isKey(to), "to", NOT_A_KEY)
                .that(rawPath.isEmpty() || WorkspacePath.problem(rawPath.get()) == null, "path",
                        "must be a relative path inside the workspace" + rawPath.map(WorkspacePath::problem).map(p -> ": " + p).orElse(""))
                .done();
        String projectId = OwnedProject.load(request, projects).id();
        if (rawPath.isPresent()) {
            SnapshotDiffs.FileVersions file = workspace.diffFile(projectId, from, to, WorkspacePath.of(rawPath.get()));
            return ApiResponse.json(200, new FileDiffView(file.file().path(), change(file.file().change()), file.before().orElse(null),
                    file.after().orElse(null), file.binary(), file.truncated()));
        }
        SnapshotDiffs.Listing listing = workspace.diff(projectId, from, to);
        return ApiResponse.json(200, new DiffView(from, to, listing.files().stream().map(ChangedFileView::of).toList(),
                listing.truncated()));
    }

    private static boolean isKey(String key) {
        return key.length() <= MAX_KEY && SnapshotStore.isKey(key);
    }

    private static String change(SnapshotDiffs.Change change) {
        return change.name().toLowerCase(Locale.ROOT);
    }
}
