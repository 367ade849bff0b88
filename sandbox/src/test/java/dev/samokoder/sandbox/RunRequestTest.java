package dev.samokoder.sandbox;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunRequestTest {

    private static final String SNAPSHOT = "snapshots/prj_1/" + "a".repeat(64) + ".json";

    private static RunRequest request(List<String> command, boolean shell, String workingDirectory, Map<String, String> environment) {
        return new RunRequest("sbx_1", "run_1", "prj_1", SNAPSHOT, command, shell, workingDirectory, environment, 60, false, null);
    }

    @Test
    void argvIsTheCommand_orAShellScriptWhenTheStepAsksForOne() {
        // given
        RunRequest argv = request(List.of("npm", "test"), false, "", Map.of());
        RunRequest shell = request(List.of("npm ci && npm test"), true, "", Map.of());

        // when / then
        assertThat(argv.argv()).containsExactly("npm", "test");
        assertThat(shell.argv()).containsExactly("/bin/sh", "-c", "npm ci && npm test");
    }

    @Test
    void aShellCommandIsOneScript() {
        assertThatThrownBy(() -> request(List.of("npm", "test"), true, "", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one script");
    }

    @Test
    void anotherProjectsSnapshotIsRefused() {
        String other = "snapshots/prj_2/" + "a".repeat(64) + ".json";

        assertThatThrownBy(() -> new RunRequest("sbx_1", "run_1", "prj_1", other, List.of("true"), false, "", Map.of(), 60, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prj_1");
    }

    @Test
    void workingDirectoryCannotLeaveTheWorkspace() {
        assertThatThrownBy(() -> request(List.of("true"), false, "../other", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request(List.of("true"), false, "/etc", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(request(List.of("true"), false, "frontend", Map.of()).workingDirectory()).isEqualTo("frontend");
        assertThat(request(List.of("true"), false, ".", Map.of()).workingDirectory()).isEmpty();
    }

    @Test
    void environmentNamesAreChecked() {
        assertThatThrownBy(() -> request(List.of("true"), false, "", Map.of("BAD NAME", "x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request(List.of("true"), false, "", Map.of("X", "a\0b"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(request(List.of("true"), false, "", Map.of("NODE_ENV", "test")).environment()).containsEntry("NODE_ENV", "test");
    }

    @Test
    void parsingIsStrict() {
        // given
        String valid = """
                {"id":"sbx_1","runId":"run_1","projectId":"prj_1","command":["npm","test"],"shell":false,"timeLimitSeconds":60,"allowRegistries":false}""";
        String unknownField = """
                {"id":"sbx_1","runId":"run_1","projectId":"prj_1","command":["npm","test"],"shell":false,"timeLimitSeconds":60,"allowRegistries":false,"privileged":true}""";
        String invalidValue = """
                {"id":"sbx_1","runId":"run_1","projectId":"prj_1","command":[],"shell":false,"timeLimitSeconds":60,"allowRegistries":false}""";

        // when / then
        assertThat(RunRequests.parse(valid).argv()).containsExactly("npm", "test");
        assertThat(RunRequests.parse(valid).keepRules()).isSameAs(KeepRules.DEFAULTS);
        assertThatThrownBy(() -> RunRequests.parse(unknownField)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("privileged");
        assertThatThrownBy(() -> RunRequests.parse(invalidValue)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("command");
    }
}
