package dev.samokoder.local.sandbox;

import dev.samokoder.core.blob.BlobRef;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.sandbox.ManifestEntry;
import dev.samokoder.sandbox.SnapshotManifest;
import dev.samokoder.sandbox.SnapshotStore;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/** Stores a project's files as blobs and a snapshot manifest, the way a workflow step does before a run. */
final class Snapshots {

    private Snapshots() {
    }

    static String store(LocalAws aws, String projectId, Map<String, String> files) {
        Map<String, ManifestEntry> entries = new TreeMap<>();
        files.forEach((path, content) -> {
            BlobRef ref = aws.storage().blobs().put(content.getBytes(StandardCharsets.UTF_8));
            entries.put(path, new ManifestEntry(ref.sha256(), ref.size(), false));
        });
        return snapshots(aws).put(projectId, new SnapshotManifest(entries));
    }

    static SnapshotStore snapshots(LocalAws aws) {
        return new SnapshotStore(aws.clients().s3(), aws.config().aws().bucketName());
    }

    /** Objects under a prefix of the bucket ("blobs/", "snapshots/"). */
    static int count(LocalAws aws, String prefix) {
        return aws.clients().s3().listObjectsV2Paginator(r -> r.bucket(aws.config().aws().bucketName()).prefix(prefix))
                .contents().stream().mapToInt(object -> 1).sum();
    }
}
