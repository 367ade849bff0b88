package dev.samokoder.sandbox;

import dev.samokoder.core.http.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotManifestTest {

    private static final ManifestEntry ENTRY = new ManifestEntry("b".repeat(64), 3, false);

    @Test
    void theSameFilesAlwaysGiveTheSameJson_whateverTheirOrder() {
        // given
        Map<String, ManifestEntry> oneOrder = new LinkedHashMap<>();
        oneOrder.put("b.txt", ENTRY);
        oneOrder.put("a.txt", ENTRY);
        Map<String, ManifestEntry> otherOrder = new LinkedHashMap<>();
        otherOrder.put("a.txt", ENTRY);
        otherOrder.put("b.txt", ENTRY);

        // when
        byte[] first = SnapshotStore.canonicalJson(new SnapshotManifest(oneOrder));
        byte[] second = SnapshotStore.canonicalJson(new SnapshotManifest(otherOrder));

        // then
        assertThat(first).isEqualTo(second);
    }

    @Test
    void readsBackWhatItWrites() throws Exception {
        // given
        SnapshotManifest manifest = new SnapshotManifest(Map.of("src/app.js", ENTRY, "run.sh", new ManifestEntry("c".repeat(64), 9, true)));

        // when
        SnapshotManifest read = Json.mapper().readValue(SnapshotStore.canonicalJson(manifest), SnapshotManifest.class);

        // then
        assertThat(read).isEqualTo(manifest);
    }

    @Test
    void aPathOutsideTheWorkspaceIsRefused() {
        assertThatThrownBy(() -> new SnapshotManifest(Map.of("../etc/passwd", ENTRY))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SnapshotManifest(Map.of("/etc/passwd", ENTRY))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keysAreContentAddressedAndBoundToTheirProject() {
        String key = SnapshotStore.key("prj_1", "d".repeat(64));

        assertThat(key).isEqualTo("snapshots/prj_1/" + "d".repeat(64) + ".json");
        assertThat(SnapshotStore.isKeyOf("prj_1", key)).isTrue();
        assertThat(SnapshotStore.isKeyOf("prj_2", key)).isFalse();
        assertThat(SnapshotStore.isKeyOf("prj_1", "snapshots/prj_1/../prj_2/x.json")).isFalse();
    }
}
