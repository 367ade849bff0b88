package dev.samokoder.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceChangesIT {

    @TempDir
    Path workspace;

    @TempDir
    Path outside;

    private SnapshotManifest snapshotOf(String... pathsAndContents) throws Exception {
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            Path file = workspace.resolve(pathsAndContents[i]);
            Files.createDirectories(file.getParent());
            Files.writeString(file, pathsAndContents[i + 1]);
        }
        return WorkspaceScanner.manifestOf(workspace);
    }

    private ChangeSet changes(SnapshotManifest before) {
        return WorkspaceChanges.between(before, workspace, KeepRules.DEFAULTS, 1024);
    }

    @Test
    void anUntouchedWorkspaceHasNoChanges() throws Exception {
        // given
        SnapshotManifest before = snapshotOf("src/a.js", "a", "package.json", "{}");

        // when
        ChangeSet changes = changes(before);

        // then
        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.dropped().total()).isZero();
    }

    @Test
    void addedModifiedDeletedAndModeChangedFilesAreFound() throws Exception {
        // given
        SnapshotManifest before = snapshotOf("a.txt", "same size", "b.txt", "b", "run.sh", "echo", "gone.txt", "x");
        Files.writeString(workspace.resolve("a.txt"), "SAME SIZE"); // same length, other content
        Files.writeString(workspace.resolve("new.txt"), "new");
        Files.delete(workspace.resolve("gone.txt"));
        Files.setPosixFilePermissions(workspace.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));

        // when
        ChangeSet changes = changes(before);

        // then
        assertThat(changes.fileChanges()).extracting(FileChange::path, FileChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.txt", FileChange.Kind.MODIFIED),
                org.assertj.core.groups.Tuple.tuple("gone.txt", FileChange.Kind.DELETED),
                org.assertj.core.groups.Tuple.tuple("new.txt", FileChange.Kind.ADDED),
                org.assertj.core.groups.Tuple.tuple("run.sh", FileChange.Kind.MODIFIED));
        SnapshotManifest after = changes.applyTo(before);
        assertThat(after.files()).containsOnlyKeys("a.txt", "b.txt", "new.txt", "run.sh");
        assertThat(after.files().get("run.sh").executable()).isTrue();
        assertThat(after).isEqualTo(WorkspaceScanner.manifestOf(workspace));
    }

    @Test
    void changesARuleDropsAreCountedButNotKept_theLockfileIsKept() throws Exception {
        // given: what `npm install` leaves behind
        SnapshotManifest before = snapshotOf("package.json", "{}");
        Files.createDirectories(workspace.resolve("node_modules/left-pad"));
        Files.writeString(workspace.resolve("node_modules/left-pad/index.js"), "module.exports = 1");
        Files.writeString(workspace.resolve("node_modules/left-pad/package.json"), "{}");
        Files.writeString(workspace.resolve("package-lock.json"), "{\"lockfileVersion\":3}");

        // when
        ChangeSet changes = changes(before);

        // then
        assertThat(changes.fileChanges()).extracting(FileChange::path).containsExactly("package-lock.json");
        assertThat(changes.dropped().byRule()).isEqualTo(2);
        assertThat(changes.dropped().examples()).contains("node_modules/left-pad/index.js");
    }

    @Test
    void aLinkToAFileOutsideIsNeverFollowed() throws Exception {
        // given: a secret outside the workspace and a link to it planted inside
        SnapshotManifest before = snapshotOf("a.txt", "a");
        Path secret = Files.writeString(outside.resolve("secret"), "do not read");
        Files.createSymbolicLink(workspace.resolve("looks-like-a-file.txt"), secret);
        Files.createSymbolicLink(workspace.resolve("a-folder"), outside);

        // when
        ChangeSet changes = changes(before);

        // then
        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.dropped().unstorable()).isEqualTo(2);
        assertThat(changes.dropped().examples()).containsExactly("a-folder", "looks-like-a-file.txt");
    }

    @Test
    void aFileOverTheSizeLimitIsDropped() throws Exception {
        // given
        SnapshotManifest before = snapshotOf("a.txt", "a");
        Files.write(workspace.resolve("big.bin"), new byte[2048]);

        // when
        ChangeSet changes = changes(before);

        // then
        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.dropped().tooLarge()).isEqualTo(1);
        assertThat(changes.dropped().examples()).isEqualTo(List.of("big.bin"));
    }
}
