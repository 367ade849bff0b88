package dev.samokoder.core.storage;

import dev.samokoder.core.blob.BlobRef;
import dev.samokoder.core.domain.FileEntry;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class FileIndexRepositoryIT {

    @Test
    void entriesPointAtBlobsAndListInPathOrder(Storage storage) {
        // given
        String projectId = Ids.newId("prj");
        BlobRef readme = storage.blobs().put("# App".getBytes(StandardCharsets.UTF_8));
        BlobRef main = storage.blobs().put("console.log(1)".getBytes(StandardCharsets.UTF_8));

        // when
        storage.files().create(projectId, WorkspacePath.of("src/main.js"), main);
        storage.files().create(projectId, WorkspacePath.of("README.md"), readme);
        storage.files().create(projectId, WorkspacePath.of("src/app/[id]/page.tsx"), main);

        // then
        List<String> paths = storage.files().list(projectId, 100, Optional.empty()).items().stream()
                .map(entry -> entry.path().value()).toList();
        assertThat(paths).containsExactly("README.md", "src/app/[id]/page.tsx", "src/main.js");
        FileEntry entry = storage.files().get(projectId, WorkspacePath.of("README.md")).orElseThrow();
        assertThat(storage.blobs().get(entry.blob().sha256())).asString(StandardCharsets.UTF_8).isEqualTo("# App");
    }

    @Test
    void update_isOptimisticallyLocked(Storage storage) {
        String projectId = Ids.newId("prj");
        BlobRef v1 = storage.blobs().put(new byte[] {1});
        BlobRef v2 = storage.blobs().put(new byte[] {2});
        FileEntry created = storage.files().create(projectId, WorkspacePath.of("a.txt"), v1);

        FileEntry updated = storage.files().update(created, v2);

        assertThat(updated.version()).isEqualTo(2);
        assertThatThrownBy(() -> storage.files().update(created, v1)).isInstanceOf(VersionConflictException.class);
        assertThatThrownBy(() -> storage.files().create(projectId, WorkspacePath.of("a.txt"), v1))
                .isInstanceOf(ItemAlreadyExistsException.class);
        assertThat(storage.files().get(projectId, WorkspacePath.of("a.txt")).orElseThrow().blob()).isEqualTo(v2);
    }

    @Test
    void deleteAll_removesEveryEntryAcrossBatches(Storage storage) {
        String projectId = Ids.newId("prj");
        BlobRef blob = storage.blobs().put(new byte[] {7});
        for (int i = 0; i < 60; i++) {
            storage.files().create(projectId, WorkspacePath.of("f/" + i + ".txt"), blob);
        }
        String otherProject = Ids.newId("prj");
        storage.files().create(otherProject, WorkspacePath.of("keep.txt"), blob);

        int deleted = storage.files().deleteAll(projectId);

        assertThat(deleted).isEqualTo(60);
        assertThat(storage.files().list(projectId, 100, Optional.empty()).items()).isEmpty();
        assertThat(storage.files().list(otherProject, 100, Optional.empty()).items()).hasSize(1);
    }

    @Test
    void list_pagesThroughLargeTrees(Storage storage) {
        String projectId = Ids.newId("prj");
        BlobRef blob = storage.blobs().put(new byte[] {9});
        for (int i = 0; i < 7; i++) {
            storage.files().create(projectId, WorkspacePath.of("file" + i), blob);
        }
        List<String> seen = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<FileEntry> page = storage.files().list(projectId, 3, cursor);
            page.items().forEach(e -> seen.add(e.path().value()));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        assertThat(seen).containsExactly("file0", "file1", "file2", "file3", "file4", "file5", "file6");
    }
}
