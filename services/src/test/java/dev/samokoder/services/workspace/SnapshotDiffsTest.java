package dev.samokoder.services.workspace;

import dev.samokoder.sandbox.ManifestEntry;
import dev.samokoder.sandbox.SnapshotManifest;
import dev.samokoder.services.workspace.SnapshotDiffs.Change;
import dev.samokoder.services.workspace.SnapshotDiffs.ChangedFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotDiffsTest {

    private static ManifestEntry blob(char c, long size) {
        return new ManifestEntry(String.valueOf(c).repeat(64), size, false);
    }

    @Test
    void listsAddedModifiedAndDeletedFilesInPathOrderAndLeavesUnchangedOnesOut() {
        SnapshotManifest from = new SnapshotManifest(Map.of("README.md", blob('a', 1), "src/old.js", blob('b', 2), "same.txt", blob('c', 3)));
        SnapshotManifest to = new SnapshotManifest(Map.of("README.md", blob('d', 4), "same.txt", blob('c', 3), "src/new.js", blob('e', 5)));

        SnapshotDiffs.Listing listing = SnapshotDiffs.compare(from, to, 100);

        assertThat(listing.truncated()).isFalse();
        assertThat(listing.files()).extracting(ChangedFile::path, ChangedFile::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("README.md", Change.MODIFIED),
                org.assertj.core.groups.Tuple.tuple("src/new.js", Change.ADDED),
                org.assertj.core.groups.Tuple.tuple("src/old.js", Change.DELETED));
        assertThat(listing.files().get(1).before()).isEmpty();
        assertThat(listing.files().get(1).after()).contains(blob('e', 5));
        assertThat(listing.files().get(2).after()).isEmpty();
    }

    @Test
    void anExecutableBitChangeIsAModification() {
        SnapshotManifest from = new SnapshotManifest(Map.of("run.sh", new ManifestEntry("a".repeat(64), 1, false)));
        SnapshotManifest to = new SnapshotManifest(Map.of("run.sh", new ManifestEntry("a".repeat(64), 1, true)));

        assertThat(SnapshotDiffs.compare(from, to, 100).files()).extracting(ChangedFile::change).containsExactly(Change.MODIFIED);
    }

    @Test
    void identicalSnapshotsHaveNoChanges() {
        SnapshotManifest same = new SnapshotManifest(Map.of("a", blob('a', 1)));

        assertThat(SnapshotDiffs.compare(same, same, 100)).isEqualTo(new SnapshotDiffs.Listing(List.of(), false));
        assertThat(SnapshotDiffs.compare(SnapshotManifest.EMPTY, SnapshotManifest.EMPTY, 100).files()).isEmpty();
    }

    @Test
    void aListingIsCutAtTheLimitAndSaysSo() {
        Map<String, ManifestEntry> many = new HashMap<>();
        for (int i = 0; i < 12; i++) {
            many.put("f" + (char) ('a' + i), blob('a', 1));
        }

        SnapshotDiffs.Listing listing = SnapshotDiffs.compare(SnapshotManifest.EMPTY, new SnapshotManifest(many), 10);
        SnapshotDiffs.Listing exact = SnapshotDiffs.compare(SnapshotManifest.EMPTY, new SnapshotManifest(many), 12);

        assertThat(listing.files()).hasSize(10);
        assertThat(listing.truncated()).isTrue();
        assertThat(exact.files()).hasSize(12);
        assertThat(exact.truncated()).isFalse();
    }
}
