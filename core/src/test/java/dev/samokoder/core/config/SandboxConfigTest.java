package dev.samokoder.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SandboxConfigTest {

    @Test
    void defaultsIsolateWithBubblewrapUnderSaneLimits() {
        // when
        SamokoderConfig.Sandbox sandbox = SamokoderConfig.fromEnv(Map.of()).sandbox();

        // then
        assertThat(sandbox.isolation()).isEqualTo(SamokoderConfig.Sandbox.Isolation.BUBBLEWRAP);
        assertThat(sandbox.memoryMb()).isEqualTo(1024);
        assertThat(sandbox.maxProcesses()).isEqualTo(256);
        assertThat(sandbox.maxTimeLimit()).isEqualTo(Duration.ofMinutes(30));
        assertThat(sandbox.dir()).isEmpty();
        assertThat(sandbox.workspace()).isEqualTo(Path.of("/workspace"));
        assertThat(sandbox.packageCache()).isEqualTo(new SamokoderConfig.Sandbox.PackageCacheLimits(512L << 20, 1L << 30, 200_000));
    }

    @Test
    void noneMustBeAskedForByName() {
        // when
        SamokoderConfig.Sandbox none = SamokoderConfig.fromEnv(Map.of("SAMOKODER_SANDBOX", "none")).sandbox();

        // then
        assertThat(none.isolation()).isEqualTo(SamokoderConfig.Sandbox.Isolation.NONE);
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_SANDBOX", "off")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("SAMOKODER_SANDBOX").hasMessageContaining("unsafe");
    }

    @Test
    void readsOverrides() {
        // when
        SamokoderConfig.Sandbox sandbox = SamokoderConfig.fromEnv(Map.of(
                "SAMOKODER_SANDBOX_MEMORY_MB", "256",
                "SAMOKODER_SANDBOX_DIR", "/var/tmp/sk",
                "SAMOKODER_SANDBOX_CGROUP", "/sys/fs/cgroup/user.slice/me",
                "SAMOKODER_SANDBOX_PACKAGE_CACHE_MAX_ENTRIES", "1000")).sandbox();

        // then
        assertThat(sandbox.memoryMb()).isEqualTo(256);
        assertThat(sandbox.dir()).contains(Path.of("/var/tmp/sk"));
        assertThat(sandbox.cgroup()).isEqualTo(Optional.of(Path.of("/sys/fs/cgroup/user.slice/me")));
        assertThat(sandbox.packageCache().maxEntries()).isEqualTo(1000);
        assertThatThrownBy(() -> SamokoderConfig.fromEnv(Map.of("SAMOKODER_SANDBOX_MAX_PROCESSES", "0"))).isInstanceOf(ConfigException.class);
    }
}
