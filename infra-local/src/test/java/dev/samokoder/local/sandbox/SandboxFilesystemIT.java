package dev.samokoder.local.sandbox;

import dev.samokoder.sandbox.CommandOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The workspace is the only host folder a command can write, and the only one of the platform's it can see. */
class SandboxFilesystemIT {

    private static SandboxFixture sandbox;

    @TempDir
    Path host;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new SandboxFixture();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    private static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void writingOutsideTheWorkspaceFails_writingInsideWorks() {
        // given: a host folder the command knows the path of
        Path target = host.resolve("escaped.txt");

        // when
        CommandOutcome outcome = sandbox.run(Duration.ofSeconds(20), false, workspace -> { }, String.join("; ",
                "for f in /usr/bin/evil /evil /etc/evil /bin/evil " + target + "; do (echo x > $f) 2>/dev/null && echo WROTE $f; done",
                "echo inside > /workspace/inside.txt && echo WROTE-WORKSPACE",
                "echo scratch > /tmp/scratch.txt && echo WROTE-TMP"));

        // then
        assertThat(outcome.stdout().text()).doesNotContain("WROTE /").contains("WROTE-WORKSPACE", "WROTE-TMP");
        assertThat(target).doesNotExist();
        assertThat(Path.of("/usr/bin/evil")).doesNotExist();
    }

    @Test
    void anotherProjectsWorkspaceCannotBeRead() {
        // given: another run's workspace with a secret, alive at the same time on the same machine
        SandboxScratch.RunFolder other = sandbox.scratch.create("other-project-" + System.nanoTime());
        try {
            Path secret = other.workspace().resolve("secret.txt");
            write(secret, "other project's secret");
            WorkspaceOwnership.giveTo(other.workspace(), sandbox.settings.uid(), sandbox.settings.uid());

            // when
            CommandOutcome outcome = sandbox.run(String.join("; ",
                    "cat " + secret + " 2>&1",
                    "ls " + other.folder().getParent() + " 2>&1",
                    "cat /workspace/../" + other.folder().getFileName() + "/workspace/secret.txt 2>&1"));

            // then
            assertThat(outcome.stdout().text()).doesNotContain("other project's secret").contains("No such file or directory");
        } finally {
            sandbox.scratch.delete(other);
        }
    }

    @Test
    void thePlatformsDataDirAndTheHostsFilesAreNotVisible() throws IOException {
        // given: a data dir where scripts/dev keeps it, in the working directory (not under /tmp, which the
        // sandbox's own /tmp would hide anyway)
        Path dataDir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "platform-").resolve(".samokoder");
        write(dataDir.resolve("keys/jwt-signing-key.json"), "{\"d\":\"private\"}");

        // when
        CommandOutcome outcome = sandbox.run(String.join("; ",
                "ls -d " + dataDir + " 2>&1",
                "cat " + dataDir.resolve("keys/jwt-signing-key.json") + " 2>&1",
                "ls / | tr '\\n' ' '",
                "echo",
                "ls /etc | tr '\\n' ' '",
                "echo",
                "test -e /etc/shadow || echo NO-SHADOW",
                "test -e /root || echo NO-ROOT-HOME",
                "test -e " + Path.of("").toAbsolutePath() + " || echo NO-SOURCES"));

        // then
        String text = outcome.stdout().text();
        assertThat(text).doesNotContain("private").contains("NO-SHADOW", "NO-ROOT-HOME", "NO-SOURCES");
        assertThat(text.lines().filter(line -> line.contains("No such file")).count()).isEqualTo(2);
        assertThat(text).contains("bin dev etc lib");
    }

    @Test
    void theCommandIsAnUnprivilegedUserThatSeesOnlyItsOwnProcesses() {
        // when
        CommandOutcome outcome = sandbox.run(String.join("; ",
                "id -u",
                "grep CapEff /proc/self/status",
                "ls /proc | grep -c '^[0-9]'",
                "hostname"));

        // then
        assertThat(outcome.stdout().text().lines()).containsExactly(
                String.valueOf(SandboxIdentity.INNER_ID), "CapEff:\t0000000000000000", "4", "sandbox");
    }
}
