package dev.samokoder.sandbox;

import dev.samokoder.core.domain.WorkspacePath;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A workspace at one moment: every file's path and blob. Paths are sorted, so the same files
 * always give the same JSON, and the manifest is stored under the hash of that JSON.
 */
public record SnapshotManifest(SortedMap<String, ManifestEntry> files) {

    public static final SnapshotManifest EMPTY = new SnapshotManifest(Map.of());

    @JsonCreator
    public SnapshotManifest(@JsonProperty("files") Map<String, ManifestEntry> files) {
        this(sorted(files));
    }

    public SnapshotManifest {
        files.keySet().forEach(WorkspacePath::of); // a manifest can never name a path outside the workspace
        files = Collections.unmodifiableSortedMap(files);
    }

    private static SortedMap<String, ManifestEntry> sorted(Map<String, ManifestEntry> files) {
        return new TreeMap<>(files == null ? Map.of() : files);
    }
}
