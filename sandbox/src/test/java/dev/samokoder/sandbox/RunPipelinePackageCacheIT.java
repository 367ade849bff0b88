package dev.samokoder.sandbox;

import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline around an install's package cache (the Fargate runner's; the local runner has none here): restored
 * before the install, whose environment points at it, saved only after an install that succeeded, and closed before
 * the command runs. A cache that throws fails nothing. Trusted commands, plain launcher, the embedded S3.
 */
@ExtendWith(LocalAwsExtension.class)
class RunPipelinePackageCacheIT {

    @TempDir
    Path workspace;

    private final List<String> events = new CopyOnWriteArrayList<>();
    private LocalAws aws;

    @BeforeEach
    void setUp(LocalAws localAws) {
        aws = localAws;
    }

    /** Records each command it starts, with the variables the cache would set, then starts it as it is. */
    private final CommandLauncher launcher = new CommandLauncher() {
        @Override
        public LaunchedCommand launch(CommandSpec spec) throws IOException {
            events.add("launch " + String.join(" ", spec.argv().subList(spec.argv().size() - 1, spec.argv().size()))
                    + (spec.environment().containsKey("CACHE_AT") ? " with CACHE_AT=" + spec.environment().get("CACHE_AT") : ""));
            return DirectLauncher.unsandboxed().launch(spec);
        }
    };

    /** A cache that says what is done to it, and when. */
    private final class RecordingCache implements PackageCache {
        @Override
        public Restored restore(String projectId, Path restoredFor) {
            events.add("restore " + (restoredFor.equals(workspace) ? "into the workspace's install" : restoredFor));
            return new Restored() {
                @Override
                public Map<String, String> environment() {
                    return Map.of("CACHE_AT", "/cache-folder");
                }

                @Override
                public void save() {
                    events.add("save");
                }

                @Override
                public void close() {
                    events.add("close");
                }
            };
        }
    }

    private RunPipeline pipeline(PackageCache cache) {
        String bucket = aws.config().aws().bucketName();
        BlobStore blobs = new BlobStore(aws.clients().s3(), bucket, 1 << 20);
        SnapshotStore snapshots = new SnapshotStore(aws.clients().s3(), bucket);
        return new RunPipeline(snapshots, new SnapshotMaterializer(blobs), new ChangeCollector(blobs, snapshots, 1 << 20),
                new ProcessSupervisor(4096, 1 << 20), cache);
    }

    private static RunRequest request(String install, String command) {
        return new RunRequest(Ids.newId("sbx"), Ids.newId("run"), Ids.newId("prj"), null, List.of(command), true, "", Map.of(), 30,
                false, null, install);
    }

    @Test
    void theCacheIsRestoredBeforeTheInstall_savedAfterItsSuccess_andClosedBeforeTheCommand() {
        // when
        RunResult result = pipeline(new RecordingCache()).run(request("echo installed", "echo tested"), workspace, launcher, run -> {
        });

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().text()).isEqualTo("installed\ntested\n");
        assertThat(events).containsExactly("restore into the workspace's install", "launch echo installed with CACHE_AT=/cache-folder",
                "save", "close", "launch echo tested");
    }

    @Test
    void aFailedInstallSavesNothing() {
        // when
        RunResult result = pipeline(new RecordingCache()).run(request("echo half; exit 3", "echo tested"), workspace, launcher, run -> {
        });

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(events).containsExactly("restore into the workspace's install", "launch echo half; exit 3 with CACHE_AT=/cache-folder",
                "close");
    }

    @Test
    void anInstallOverItsTimeLimitSavesNothing() {
        // given
        RunRequest request = new RunRequest(Ids.newId("sbx"), Ids.newId("run"), Ids.newId("prj"), null, List.of("echo tested"), true, "",
                Map.of(), 1, false, null, "sleep 5");

        // when
        RunResult result = pipeline(new RecordingCache()).run(request, workspace, launcher, run -> {
        });

        // then
        assertThat(result.limitsHit().time()).isTrue();
        assertThat(events).doesNotContain("save").contains("close");
    }

    @Test
    void aRunWithoutInstallLeavesTheCacheAlone() {
        // when
        RunResult result = pipeline(new RecordingCache()).run(request(null, "echo tested"), workspace, launcher, run -> {
        });

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(events).containsExactly("launch echo tested");
    }

    @Test
    void aCacheThatThrowsIsNoReasonToFailTheRun() {
        // given
        PackageCache broken = (projectId, at) -> {
            throw new IllegalStateException("the cache is broken");
        };

        // when
        RunResult result = pipeline(broken).run(request("echo installed", "echo tested"), workspace, launcher, run -> {
        });

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout().text()).isEqualTo("installed\ntested\n");
        assertThat(events).containsExactly("launch echo installed", "launch echo tested");
    }
}
