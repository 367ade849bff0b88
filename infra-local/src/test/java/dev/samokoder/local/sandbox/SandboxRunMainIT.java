package dev.samokoder.local.sandbox;

import dev.samokoder.core.http.Json;
import dev.samokoder.sandbox.FileChange;
import dev.samokoder.sandbox.RunResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** scripts/sandbox-run as a developer uses it: each flag, over a copy of a folder that stays as it was. */
class SandboxRunMainIT {

    private static SandboxScratch scratch;

    @TempDir
    Path app;

    @BeforeAll
    static void open() {
        scratch = SandboxScratch.open(Optional.empty());
    }

    @AfterAll
    static void close() {
        scratch.close();
    }

    private static RunResult run(String... args) throws Exception {
        SandboxRunMain.Options options = SandboxRunMain.parse(args);
        var settings = SandboxFixture.settings();
        if (options.memoryMb() != null) {
            settings = settings.withMemoryMb(options.memoryMb());
        }
        return SandboxRunMain.run(options, settings, scratch);
    }

    @Test
    void theCommandWorksOnACopy_andTheJsonHasExitCodeSignalLimitsTailsAndChanges() throws Exception {
        // given
        Files.writeString(app.resolve("a.txt"), "hello\n");

        // when
        RunResult result = run(app.toString(), "--", "sh", "-c", "cat a.txt; echo changed > a.txt; echo new > b.txt; echo oops >&2; exit 3");
        JsonNode json = Json.mapper().readTree(SandboxRunMain.toJson(result));

        // then
        assertThat(json.path("exitCode").asInt()).isEqualTo(3);
        assertThat(json.has("signal")).isTrue();
        assertThat(json.path("signal").isNull()).isTrue();
        assertThat(json.path("limitsHit").path("time").asBoolean(true)).isFalse();
        assertThat(json.path("stdout").path("text").asText()).isEqualTo("hello\n");
        assertThat(json.path("stderr").path("text").asText()).isEqualTo("oops\n");
        assertThat(json.path("stdout").path("totalBytes").asLong()).isEqualTo(6);
        assertThat(result.changes()).extracting(FileChange::path, FileChange::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a.txt", FileChange.Kind.MODIFIED),
                org.assertj.core.groups.Tuple.tuple("b.txt", FileChange.Kind.ADDED));
        assertThat(Files.readString(app.resolve("a.txt"))).isEqualTo("hello\n");
        assertThat(app.resolve("b.txt")).doesNotExist();
    }

    @Test
    void timeoutKillsTheCommandAndSaysSo() throws Exception {
        // when
        RunResult result = run(app.toString(), "--timeout", "1", "--", "sleep", "30");

        // then
        assertThat(result.limitsHit().time()).isTrue();
        assertThat(result.signal()).isEqualTo("SIGKILL");
        assertThat(Json.mapper().readTree(SandboxRunMain.toJson(result)).path("signal").asText()).isEqualTo("SIGKILL");
    }

    @Test
    void memorySetsTheLimitTheKernelEnforces() throws Exception {
        // when: 100 MiB fit in 256 MiB, not in 64
        String allocate = "const b = Buffer.alloc(100 << 20, 1); console.log(b.length)";
        RunResult small = run(app.toString(), "--memory", "64", "--", "node", "-e", allocate);
        RunResult large = run(app.toString(), "--memory", "256", "--", "node", "-e", allocate);

        // then
        assertThat(small.limitsHit().memory()).isTrue();
        assertThat(small.exitCode()).isEqualTo(137);
        assertThat(large.limitsHit().memory()).isFalse();
        assertThat(large.stdout().text()).isEqualTo((100 << 20) + "\n");
    }

    @Test
    void allowRegistries_reachesTheRegistryOnly_neverTheHostsLoopback() throws Exception {
        // given: a service on the host's loopback
        try (ServerSocket host = new ServerSocket()) {
            host.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String connect = "require('net').connect(" + host.getLocalPort() + ", '127.0.0.1')"
                    + ".on('connect', () => { console.log('CONNECTED'); process.exit(0); })"
                    + ".on('error', e => { console.log(e.code); process.exit(4); })";

            // when
            RunResult isolated = run(app.toString(), "--", "node", "-e", connect);
            RunResult withRegistries = run(app.toString(), "--allow-registries", "--", "node", "-e", connect);
            RunResult npm = run(app.toString(), "--allow-registries", "--", "npm", "view", "left-pad", "version", "--prefer-online",
                    "--cache", "/tmp/npm-cache");
            RunResult npmIsolated = run(app.toString(), "--", "npm", "view", "left-pad", "version", "--prefer-online",
                    "--cache", "/tmp/npm-cache", "--fetch-retries=0");

            // then
            assertThat(isolated.stdout().text()).isEqualTo("ECONNREFUSED\n");
            assertThat(withRegistries.stdout().text()).isEqualTo("ECONNREFUSED\n");
            assertThat(npm.exitCode()).as(npm.stderr().text()).isZero();
            assertThat(npm.stdout().text().strip()).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(npmIsolated.exitCode()).isNotZero();
        }
    }
}
