package dev.samokoder.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SandboxRunMainTest {

    private static final String DIR = System.getProperty("java.io.tmpdir");

    @Test
    void readsTheFolderTheLimitsAndTheCommandAfterTheDoubleDash() {
        // when
        SandboxRunMain.Options options = SandboxRunMain.parse(new String[] {
                DIR, "--timeout", "30", "--memory", "512", "--allow-registries", "--", "npm", "--version"});

        // then
        assertThat(options.dir()).isEqualTo(Path.of(DIR).toAbsolutePath().normalize());
        assertThat(options.timeoutSeconds()).isEqualTo(30);
        assertThat(options.memoryMb()).isEqualTo(512);
        assertThat(options.allowRegistries()).isTrue();
        assertThat(options.command()).containsExactly("npm", "--version");
    }

    @Test
    void defaultsAreAMinuteNoRegistriesAndTheConfiguredMemory() {
        // when
        SandboxRunMain.Options options = SandboxRunMain.parse(new String[] {DIR, "--", "true"});

        // then
        assertThat(options.timeoutSeconds()).isEqualTo(60);
        assertThat(options.memoryMb()).isNull();
        assertThat(options.allowRegistries()).isFalse();
    }

    @Test
    void mistakesAreExplained() {
        assertThatThrownBy(() -> SandboxRunMain.parse(new String[] {DIR, "true"})).hasMessageContaining("after --");
        assertThatThrownBy(() -> SandboxRunMain.parse(new String[] {"--", "true"})).hasMessageContaining("folder");
        assertThatThrownBy(() -> SandboxRunMain.parse(new String[] {DIR, "--timeout", "soon", "--", "true"})).hasMessageContaining("--timeout");
        assertThatThrownBy(() -> SandboxRunMain.parse(new String[] {DIR, "--network", "--", "true"})).hasMessageContaining("--network");
    }
}
