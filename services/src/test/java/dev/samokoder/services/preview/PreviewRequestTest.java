package dev.samokoder.services.preview;

import dev.samokoder.sandbox.KeepRule;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.services.runs.artifacts.Architecture;
import dev.samokoder.services.runs.artifacts.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreviewRequestTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void installsRunWithTheRegistries_thenTheRestAndTheStartCommandWithoutNetwork_onTheAppsPort_writingNothingBack() {
        Architecture app = new Architecture(1, "chosen", "web app", Stack.NODE, List.of(
                new Architecture.InstallStep(List.of("npm", "ci"), true),
                new Architecture.InstallStep(List.of("node", "scripts/setup.js"), false)),
                List.of("npm", "run", "build"), List.of("npm", "test"), List.of("npm", "start"), 5173, "/health", List.of(), List.of());
        Preview preview = new Preview("pv_1", "prj_1", "usr_1", Preview.Status.STARTING, "snapshots/prj_1/" + "a".repeat(64) + ".json",
                "npm start", NOW, NOW.plus(Duration.ofMinutes(30)), Optional.empty(), Optional.empty(), 1);

        RunRequest request = PreviewService.request(preview, app);

        assertThat(request.id()).isEqualTo("pv_1");
        assertThat(request.runId()).isEqualTo("pv_1");
        assertThat(request.snapshotKey()).isEqualTo(preview.snapshotKey());
        assertThat(request.install()).contains("step 1/4 (install)", "'npm' 'ci'").doesNotContain("setup.js");
        String script = request.command().getFirst();
        assertThat(script).contains("step 2/4 (command)", "'node' 'scripts/setup.js'", "step 3/4 (command)", "'npm' 'run' 'build'",
                "step 4/4 (serve)").endsWith("exec 'npm' 'start'\n").doesNotContain("'test'");
        assertThat(request.allowRegistries()).isFalse();
        assertThat(request.exposePort()).isEqualTo(5173);
        assertThat(request.environment()).containsEntry("PORT", "5173");
        assertThat(request.timeLimitSeconds()).isEqualTo(30 * 60);
        assertThat(request.keep()).containsExactly(KeepRule.drop("**"));
    }
}
