package dev.samokoder.shared.workflow.agents;

import dev.samokoder.shared.blob.BlobRef;
import dev.samokoder.shared.domain.FileEntry;
import dev.samokoder.shared.domain.WorkspacePath;
import dev.samokoder.shared.storage.ItemAlreadyExistsException;
import dev.samokoder.shared.storage.VersionConflictException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reads and writes one file of a project's workspace: a blob plus its file index entry. */
final class WorkspaceWriter {

    /** Two steps may save the same path at once; each retry re-reads the entry. */
    private static final int MAX_CONFLICT_RETRIES = 10;

    private final AgentContext context;

    WorkspaceWriter(AgentContext context) {
        this.context = context;
    }

    Optional<String> read(String projectId, WorkspacePath path) {
        return context.files().get(projectId, path)
                .map(entry -> new String(context.blobs().get(entry.blob().sha256()), StandardCharsets.UTF_8));
    }

    FileEntry write(String projectId, WorkspacePath path, String content) {
        BlobRef blob = context.blobs().put(content.getBytes(StandardCharsets.UTF_8));
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<FileEntry> current = context.files().get(projectId, path);
                if (current.isPresent() && current.get().blob().equals(blob)) {
                    return current.get();
                }
                return current.isPresent() ? context.files().update(current.get(), blob) : context.files().create(projectId, path, blob);
            } catch (VersionConflictException | ItemAlreadyExistsException conflict) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw conflict;
                }
            }
        }
    }
}
