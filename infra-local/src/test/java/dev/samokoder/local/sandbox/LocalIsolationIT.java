package dev.samokoder.local.sandbox;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.sandbox.CommandOutcome;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.ProcessSupervisor;
import dev.samokoder.sandbox.SandboxEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without bubblewrap generated code is refused with what to install; only an explicit "none" runs it unisolated. */
class LocalIsolationIT {

    @TempDir
    Path folder;

    @Test
    void withoutBubblewrapTheRefusalNamesThePackage() throws Exception {
        // given: a search path with a setpriv but no bwrap
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("setpriv"), Path.of("/usr/bin/setpriv"));

        // when / then
        assertThatThrownBy(() -> BubblewrapInstallation.find(true, bin.toString()))
                .isInstanceOf(SandboxUnavailableException.class)
                .hasMessageContaining("bubblewrap is not installed")
                .hasMessageContaining("apt-get install bubblewrap");
        assertThatThrownBy(() -> BubblewrapInstallation.find(true, folder.resolve("empty").toString()))
                .hasMessageContaining("bubblewrap");
    }

    @Test
    void withoutBubblewrapGeneratedCodeIsRefused_andTheRefusalSaysWhatToInstallAndTheOnlyWayAround() throws Exception {
        // given: a machine whose search path has no bubblewrap
        SamokoderConfig.Sandbox settings = SamokoderConfig.fromEnv(Map.of()).sandbox();
        SandboxScratch scratch = SandboxScratch.open(Optional.empty());
        try {
            // when
            LocalIsolation isolation = LocalIsolation.resolve(settings, scratch, folder.resolve("empty").toString());

            // then: every run is refused with the package to install, and SAMOKODER_SANDBOX=none named as unsafe
            assertThatThrownBy(isolation::launcher)
                    .isInstanceOf(SandboxUnavailableException.class)
                    .hasMessageContaining("apt-get install bubblewrap")
                    .hasMessageContaining("SAMOKODER_SANDBOX=none")
                    .hasMessageContaining("unsafe");
        } finally {
            scratch.close();
        }
    }

    @Test
    void withoutSetprivARootPlatformIsRefusedWithThePackageToo() throws Exception {
        // given
        Path bin = Files.createDirectories(folder.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("bwrap"), Path.of("/usr/bin/bwrap"));

        // when / then
        assertThatThrownBy(() -> BubblewrapInstallation.find(true, bin.toString())).hasMessageContaining("util-linux");
        assertThat(BubblewrapInstallation.find(false, bin.toString()).bwrap()).isEqualTo(bin.resolve("bwrap"));
    }

    @Test
    void noneRunsTheCommandWithoutIsolation_asThePlatformsOwnUser() throws Exception {
        // given
        SamokoderConfig.Sandbox none = SamokoderConfig.fromEnv(Map.of("SAMOKODER_SANDBOX", "none")).sandbox();
        SandboxScratch scratch = SandboxScratch.open(Optional.empty());
        try {
            SandboxScratch.RunFolder run = scratch.create("none-" + System.nanoTime());
            CommandSpec spec = new CommandSpec("none", List.of("/bin/sh", "-c", "id -u; ls /proc | grep -c '^[0-9]'"), run.workspace(), "",
                    SandboxEnvironment.of(Map.of()), false);

            // when
            CommandOutcome outcome = new ProcessSupervisor(4096, 65_536)
                    .start(LocalIsolation.resolve(none, scratch).launcher(), spec, Duration.ofSeconds(10)).await();

            // then: the host's uid and every process of the host are right there
            List<String> lines = outcome.stdout().text().lines().toList();
            assertThat(lines.getFirst()).isEqualTo(String.valueOf(ProcStatus.value("Uid")));
            assertThat(Integer.parseInt(lines.get(1))).isGreaterThan(4);
        } finally {
            scratch.close();
        }
    }
}
