package dev.samokoder.services.workspace;

import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.sandbox.ManifestEntry;
import dev.samokoder.sandbox.SnapshotManifest;
import dev.samokoder.sandbox.SnapshotNotFoundException;
import dev.samokoder.sandbox.SnapshotStore;
import dev.samokoder.services.workspace.SnapshotDiffs.Change;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The diff of two snapshots taken by {@link WorkspaceSnapshots}, read back with the blobs they name. */
@ExtendWith(LocalAwsExtension.class)
class SnapshotDiffsIT {

    private final String project = Ids.newId("prj");
    private BlobStore blobs;
    private SnapshotStore store;
    private WorkspaceSnapshots snapshots;
    private SnapshotDiffs diffs;

    @BeforeEach
    void setUp(LocalAws aws) {
        blobs = aws.storage().blobs();
        store = new SnapshotStore(aws.clients().s3(), aws.config().aws().bucketName());
        snapshots = new WorkspaceSnapshots(aws.storage().files(), store);
        diffs = new SnapshotDiffs(store, blobs);
    }

    @Test
    void aTaskSChangesAreListedAndEachVersionReadAsText(LocalAws aws) {
        // given: the baseline, then a task that adds a file and changes another
        var files = aws.storage().files();
        files.create(project, WorkspacePath.of("README.md"), blobs.put(bytes("# App\n")));
        String before = snapshots.take(project);
        files.update(files.get(project, WorkspacePath.of("README.md")).orElseThrow(), blobs.put(bytes("# App\nNow with todos\n")));
        files.create(project, WorkspacePath.of("src/server.js"), blobs.put(bytes("console.log('hi')\n")));
        String after = snapshots.take(project);

        // when
        SnapshotDiffs.Listing listing = diffs.diff(project, before, after);
        SnapshotDiffs.FileVersions readme = diffs.file(project, before, after, WorkspacePath.of("README.md"));
        SnapshotDiffs.FileVersions server = diffs.file(project, before, after, WorkspacePath.of("src/server.js"));

        // then
        assertThat(listing.files()).extracting(SnapshotDiffs.ChangedFile::path).containsExactly("README.md", "src/server.js");
        assertThat(readme.file().change()).isEqualTo(Change.MODIFIED);
        assertThat(readme.before()).contains("# App\n");
        assertThat(readme.after()).contains("# App\nNow with todos\n");
        assertThat(server.before()).isEmpty();
        assertThat(server.after()).contains("console.log('hi')\n");
        assertThat(server.binary()).isFalse();
        assertThat(server.truncated()).isFalse();
        assertThat(diffs.file(project, after, after, WorkspacePath.of("README.md")).file().change()).isEqualTo(Change.UNCHANGED);
    }

    @Test
    void binaryAndOversizedFilesAreFlaggedNotServed() {
        String before = store.put(project, SnapshotManifest.EMPTY);
        var image = blobs.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff, 0});
        var big = blobs.put("x".repeat(SnapshotDiffs.MAX_TEXT_BYTES + 1).getBytes(StandardCharsets.UTF_8));
        String after = store.put(project, new SnapshotManifest(Map.of(
                "logo.png", new ManifestEntry(image.sha256(), image.size(), false),
                "big.txt", new ManifestEntry(big.sha256(), big.size(), false))));

        SnapshotDiffs.FileVersions logo = diffs.file(project, before, after, WorkspacePath.of("logo.png"));
        SnapshotDiffs.FileVersions text = diffs.file(project, before, after, WorkspacePath.of("big.txt"));

        assertThat(logo.binary()).isTrue();
        assertThat(logo.after()).isEmpty();
        assertThat(text.truncated()).isTrue();
        assertThat(text.after()).isEmpty();
    }

    @Test
    void anotherProjectsSnapshotOrAPathInNeitherIsNotFound() {
        String other = Ids.newId("prj");
        var secret = blobs.put(bytes("their secret"));
        String theirs = store.put(other, new SnapshotManifest(new TreeMap<>(Map.of("secret.txt",
                new ManifestEntry(secret.sha256(), secret.size(), false)))));
        String ours = store.put(project, SnapshotManifest.EMPTY);
        // the same manifest hash under this project's prefix names no stored snapshot
        String forged = SnapshotStore.key(project, theirs.substring(theirs.lastIndexOf('/') + 1, theirs.length() - ".json".length()));

        assertThatThrownBy(() -> diffs.diff(project, ours, theirs)).isInstanceOf(SnapshotNotFoundException.class);
        assertThatThrownBy(() -> diffs.file(project, theirs, ours, WorkspacePath.of("secret.txt")))
                .isInstanceOf(SnapshotNotFoundException.class);
        assertThatThrownBy(() -> diffs.file(project, ours, forged, WorkspacePath.of("secret.txt")))
                .isInstanceOf(SnapshotNotFoundException.class);
        assertThatThrownBy(() -> diffs.file(project, ours, ours, WorkspacePath.of("secret.txt")))
                .isInstanceOf(FileNotInSnapshotsException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
