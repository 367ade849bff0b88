package dev.samokoder.local.sandbox;

import dev.samokoder.sandbox.CommandLauncher;
import dev.samokoder.sandbox.CommandOutcome;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.ProcessSupervisor;
import dev.samokoder.sandbox.SandboxEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox without a platform, as scripts/bench sandbox uses it: a command runs in a workspace of its own, isolated. */
class StandaloneSandboxIT {

    @Test
    void aCommandRunsInItsWorkspace_theEgressIsCounted_andClosingRemovesTheFolders() throws Exception {
        // given
        AtomicInteger egress = new AtomicInteger();
        Path folder;
        try (StandaloneSandbox sandbox = StandaloneSandbox.open(SandboxFixture.settings())) {
            try (StandaloneSandbox.Workspace workspace = sandbox.newWorkspace("standalone-" + System.nanoTime())) {
                folder = workspace.path().getParent();

                // when: a command writes a file and lists its interfaces; one allowed the registries asks the proxy for a host
                CommandOutcome written = run(sandbox.launcher(), workspace.path(), false,
                        "echo made > out.txt && tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '");
                CommandOutcome refused = run(sandbox.launcher(egress::incrementAndGet), workspace.path(), true,
                        "node -e \"const r = require('http').request({host: '127.0.0.1', port: 3128, method: 'CONNECT', "
                                + "path: 'example.com:443'}); r.on('connect', res => { console.log('STATUS ' + res.statusCode); "
                                + "process.exit(0); }); r.on('error', e => { console.log('ERROR ' + e.code); process.exit(4); }); r.end();\"");

                // then
                assertThat(sandbox.describe()).startsWith("bubblewrap (");
                assertThat(written.exitCode()).as(written.stderr().text()).isZero();
                assertThat(written.stdout().text().strip()).isEqualTo("lo");
                assertThat(Files.readString(workspace.path().resolve("out.txt"))).isEqualTo("made\n");
                assertThat(refused.stdout().text()).as(refused.stderr().text()).contains("STATUS 403");
                assertThat(egress).hasValue(1);
            }
            assertThat(folder).doesNotExist();
        }
    }

    private static CommandOutcome run(CommandLauncher launcher, Path workspace, boolean allowRegistries,
                                      String script) {
        CommandSpec spec = new CommandSpec("standalone", List.of("/bin/sh", "-c", script), workspace, "",
                SandboxEnvironment.of(Map.of()), allowRegistries);
        return new ProcessSupervisor(4096, 65_536).start(launcher, spec, Duration.ofSeconds(30)).await();
    }
}
