package dev.samokoder.sandbox;

import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(LocalAwsExtension.class)
class SnapshotRoundTripIT {

    @TempDir
    Path temp;

    private static int objectCount(LocalAws aws) {
        return aws.clients().s3().listObjectsV2Paginator(r -> r.bucket(aws.config().aws().bucketName()))
                .contents().stream().mapToInt(o -> 1).sum();
    }

    /** Stores files as blobs and their manifest, as a workflow step would before a run. */
    private static String storeSnapshot(LocalAws aws, String projectId, Map<String, String> files) {
        BlobStore blobs = aws.storage().blobs();
        Map<String, ManifestEntry> entries = new TreeMap<>();
        files.forEach((path, content) -> {
            var ref = blobs.put(content.getBytes(StandardCharsets.UTF_8));
            entries.put(path, new ManifestEntry(ref.sha256(), ref.size(), path.endsWith(".sh")));
        });
        return new SnapshotStore(aws.clients().s3(), aws.config().aws().bucketName()).put(projectId, new SnapshotManifest(entries));
    }

    @Test
    void aMaterializedSnapshotLeftUnchangedWritesNothingNew(LocalAws aws) throws Exception {
        // given
        String project = Ids.newId("prj");
        String key = storeSnapshot(aws, project, Map.of("package.json", "{}", "src/index.js", "console.log(1)", "run.sh", "echo " + project));
        SnapshotStore snapshots = new SnapshotStore(aws.clients().s3(), aws.config().aws().bucketName());
        BlobStore blobs = aws.storage().blobs();
        Path workspace = Files.createDirectory(temp.resolve("ws"));
        new SnapshotMaterializer(blobs).materialize(snapshots.get(key), workspace);
        int objectsBefore = objectCount(aws);

        // when
        CollectedChanges collected = new ChangeCollector(blobs, snapshots, 1 << 20)
                .collect(project, key, snapshots.get(key), workspace, KeepRules.DEFAULTS);

        // then
        assertThat(Files.readString(workspace.resolve("src/index.js"))).isEqualTo("console.log(1)");
        assertThat(Files.isExecutable(workspace.resolve("run.sh"))).isTrue();
        assertThat(collected.snapshotKey()).isEqualTo(key);
        assertThat(collected.changes()).isEmpty();
        assertThat(objectCount(aws)).isEqualTo(objectsBefore);
    }

    @Test
    void changedFilesComeBackAsBlobsAndANewSnapshot(LocalAws aws) throws Exception {
        // given
        String project = Ids.newId("prj");
        String key = storeSnapshot(aws, project, Map.of("package.json", "{}", "old.txt", "old"));
        SnapshotStore snapshots = new SnapshotStore(aws.clients().s3(), aws.config().aws().bucketName());
        BlobStore blobs = aws.storage().blobs();
        Path workspace = Files.createDirectory(temp.resolve("ws"));
        new SnapshotMaterializer(blobs).materialize(snapshots.get(key), workspace);
        String lockfile = "{\"lockfileVersion\":3,\"name\":\"" + project + "\"}";
        Files.writeString(workspace.resolve("package-lock.json"), lockfile);
        Files.delete(workspace.resolve("old.txt"));
        Files.createDirectories(workspace.resolve("node_modules/x"));
        Files.writeString(workspace.resolve("node_modules/x/index.js"), project);

        // when
        CollectedChanges collected = new ChangeCollector(blobs, snapshots, 1 << 20)
                .collect(project, key, snapshots.get(key), workspace, KeepRules.DEFAULTS);

        // then
        assertThat(collected.snapshotKey()).isNotEqualTo(key).startsWith("snapshots/" + project + "/");
        SnapshotManifest next = snapshots.get(collected.snapshotKey());
        assertThat(next.files()).containsOnlyKeys("package.json", "package-lock.json");
        assertThat(blobs.get(next.files().get("package-lock.json").sha256())).asString(StandardCharsets.UTF_8).isEqualTo(lockfile);
        assertThat(collected.changes()).extracting(FileChange::path).containsExactly("old.txt", "package-lock.json");
        assertThat(collected.dropped().byRule()).isEqualTo(1);
        assertThat(blobs.exists(BlobStore.sha256(project.getBytes(StandardCharsets.UTF_8)))).isFalse();
    }

    @Test
    void aSnapshotChangedAfterItWasWrittenIsRefused(LocalAws aws) {
        // given
        String project = Ids.newId("prj");
        String key = storeSnapshot(aws, project, Map.of("a.txt", "a"));
        aws.clients().s3().putObject(r -> r.bucket(aws.config().aws().bucketName()).key(key), RequestBody.fromString("{\"files\":{}}"));
        SnapshotStore snapshots = new SnapshotStore(aws.clients().s3(), aws.config().aws().bucketName());

        // when / then
        assertThatThrownBy(() -> snapshots.get(key)).hasMessageContaining("does not match its hash");
        assertThatThrownBy(() -> snapshots.get(SnapshotStore.key(project, "e".repeat(64)))).isInstanceOf(SnapshotNotFoundException.class);
    }

    @Test
    void requestsAndResultsRoundTrip(LocalAws aws) {
        // given
        RunStore runs = new RunStore(aws.clients().s3(), aws.config().aws().bucketName());
        RunRequest request = new RunRequest(Ids.newId("sbx"), "run_1", "prj_1", null, java.util.List.of("npm", "test"), false, "",
                Map.of("NODE_ENV", "test"), 120, true, java.util.List.of(KeepRule.drop("dist/**")));
        RunResult result = new RunResult(request.id(), "run_1", "prj_1", 1, null, new OutputTail("ok", 2, false),
                OutputTail.empty(), 10, LimitsHit.NONE, false, null, java.util.List.of(), DroppedChanges.NONE);

        // when
        String key = runs.putRequest(request);
        runs.putResult(result);

        // then
        assertThat(runs.getRequest(key)).isEqualTo(request);
        assertThat(runs.getResult(request.id())).contains(result);
        assertThatThrownBy(() -> runs.getRequest("snapshots/x/request.json")).isInstanceOf(IllegalArgumentException.class);
    }
}
