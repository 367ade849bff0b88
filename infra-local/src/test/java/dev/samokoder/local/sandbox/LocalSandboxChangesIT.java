package dev.samokoder.local.sandbox;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.sandbox.FileChange;
import dev.samokoder.sandbox.KeepRule;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunResult;
import dev.samokoder.sandbox.SnapshotManifest;
import dev.samokoder.services.wiring.TestWiring;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** What a command changes in the sandbox comes back as blobs and a new snapshot; nothing else does. */
@ExtendWith(LocalAwsExtension.class)
class LocalSandboxChangesIT {

    private static LocalSandbox sandbox;
    private static LocalAws aws;

    @BeforeAll
    static void start(LocalAws localAws) {
        aws = localAws;
        sandbox = LocalSandbox.create(TestWiring.of(aws.config().withSandbox(SandboxFixture.settings()), aws.clients(), Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static RunResult run(String project, String snapshot, String script, List<KeepRule> keep) throws Exception {
        RunRequest request = new RunRequest(Ids.newId("sbx"), Ids.newId("run"), project, snapshot, List.of(script), true,
                "", Map.of(), 30, false, keep);
        return sandbox.run(request, Ids.newId("task"), null);
    }

    /** Whether the sandbox's loopback has the bridge to the egress proxy listening (127.0.0.1:3128). */
    private static final String BRIDGE_CHECK = "grep -q ' 0100007F:0C38 00000000:0000 0A ' /proc/net/tcp && echo bridge || echo none";

    @Test
    void anInstallRunsFirstWithTheRegistries_thenTheCommandInTheSameWorkspaceWithNoNetwork() throws Exception {
        // given
        String project = Ids.newId("prj");
        String snapshot = Snapshots.store(aws, project, Map.of("package.json", "{}"));
        RunRequest request = new RunRequest(Ids.newId("sbx"), Ids.newId("run"), project, snapshot,
                List.of("echo \"command: $(cat installed.txt), $(" + BRIDGE_CHECK + ")\""), true, "", Map.of(), 30, false, null,
                "echo \"$(" + BRIDGE_CHECK + ")\" > installed.txt; echo install done");

        // when
        RunResult result = sandbox.run(request, Ids.newId("task"), null);

        // then: the install saw the bridge to the proxy, the command saw the install's file and no bridge
        assertThat(result.exitCode()).as(result.stderr().text()).isZero();
        assertThat(result.stdout().text()).isEqualTo("install done\ncommand: bridge, none\n");
    }

    @Test
    void aFailedInstall_isTheOutcome_andTheCommandDoesNotRun() throws Exception {
        // given
        String project = Ids.newId("prj");
        RunRequest request = new RunRequest(Ids.newId("sbx"), Ids.newId("run"), project, null, List.of("echo ran > ran.txt"), true, "",
                Map.of(), 30, false, null, "echo 'no such package' >&2; exit 7");

        // when
        RunResult result = sandbox.run(request, Ids.newId("task"), null);

        // then
        assertThat(result.exitCode()).isEqualTo(7);
        assertThat(result.stderr().text()).contains("no such package");
        assertThat(result.changes()).noneMatch(change -> change.path().equals("ran.txt"));
    }

    @Test
    void anUnchangedWorkspaceProducesNoNewBlobsOrSnapshot() throws Exception {
        // given
        String project = Ids.newId("prj");
        String snapshot = Snapshots.store(aws, project, Map.of("package.json", "{\"name\":\"" + project + "\"}", "src/index.js", "1"));
        int blobs = Snapshots.count(aws, "blobs/");
        int snapshots = Snapshots.count(aws, "snapshots/");

        // when: a command that reads everything and writes nothing
        RunResult result = run(project, snapshot, "cat package.json src/index.js", null);

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(result.snapshotKey()).isEqualTo(snapshot);
        assertThat(result.changes()).isEmpty();
        assertThat(Snapshots.count(aws, "blobs/")).isEqualTo(blobs);
        assertThat(Snapshots.count(aws, "snapshots/")).isEqualTo(snapshots);
    }

    @Test
    void changedFilesComeBackAsANewSnapshot_byTheKeepRules() throws Exception {
        // given
        String project = Ids.newId("prj");
        String snapshot = Snapshots.store(aws, project, Map.of("package.json", "{}", "README.md", "old", "tmp.txt", "x"));

        // when: what an install and a build leave: a lockfile, dependencies, a build output
        RunResult result = run(project, snapshot, String.join(" && ",
                "echo '{\"lockfileVersion\":3}' > package-lock.json",
                "mkdir -p node_modules/dep dist",
                "echo 'module.exports = 1' > node_modules/dep/index.js",
                "echo bundle > dist/app.js",
                "echo new > README.md",
                "rm tmp.txt"), List.of(KeepRule.drop("node_modules/**"), KeepRule.drop("dist/**")));

        // then
        assertThat(result.snapshotKey()).isNotEqualTo(snapshot);
        assertThat(result.changes()).extracting(FileChange::path, FileChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("README.md", FileChange.Kind.MODIFIED),
                org.assertj.core.groups.Tuple.tuple("package-lock.json", FileChange.Kind.ADDED),
                org.assertj.core.groups.Tuple.tuple("tmp.txt", FileChange.Kind.DELETED));
        assertThat(result.dropped().byRule()).isEqualTo(2);
        SnapshotManifest next = Snapshots.snapshots(aws).get(result.snapshotKey());
        assertThat(next.files()).containsOnlyKeys("README.md", "package-lock.json", "package.json");
        assertThat(aws.storage().blobs().get(next.files().get("README.md").sha256())).asString(StandardCharsets.UTF_8).isEqualTo("new\n");
    }
}
