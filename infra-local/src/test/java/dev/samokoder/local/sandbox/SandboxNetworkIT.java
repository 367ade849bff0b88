package dev.samokoder.local.sandbox;

import dev.samokoder.sandbox.CommandOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No network inside the sandbox: the host's loopback, public addresses (a public resolver, 1.1.1.1,
 * and a TEST-NET-1 address, 192.0.2.1, never routed) and a name lookup all fail. Nothing leaves
 * this machine: with no route inside the sandbox, a connect fails before any packet is sent.
 */
class SandboxNetworkIT {

    private static SandboxFixture sandbox;
    private static ServerSocket hostService;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new SandboxFixture();
        hostService = new ServerSocket();
        hostService.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)); // stands in for the platform's own services
    }

    @AfterAll
    static void stop() throws Exception {
        hostService.close();
        sandbox.close();
    }

    private static String connect(String host, int port) {
        return "const s = require('net').connect({host: '" + host + "', port: " + port + ", timeout: 2000});"
                + "s.on('connect', () => { console.log('CONNECTED'); process.exit(0); });"
                + "s.on('timeout', () => { console.log('TIMEOUT'); process.exit(3); });"
                + "s.on('error', e => { console.log('ERROR ' + e.code); process.exit(4); });";
    }

    @Test
    void theHostsLoopbackServicesAreUnreachable() {
        // when
        CommandOutcome outcome = sandbox.run("node -e \"" + connect("127.0.0.1", hostService.getLocalPort()) + "\"");

        // then
        assertThat(outcome.stdout().text()).contains("ERROR ECONNREFUSED");
        assertThat(outcome.exitCode()).isEqualTo(4);
    }

    @Test
    void aPublicAddressIsUnreachable() {
        // when: a real public resolver's HTTPS port, and TEST-NET-1
        CommandOutcome publicResolver = sandbox.run("node -e \"" + connect("1.1.1.1", 443) + "\"");
        CommandOutcome testNet = sandbox.run("node -e \"" + connect("192.0.2.1", 80) + "\"");

        // then: no route at all, so both fail at once (a sandbox with a network would connect, or time out)
        assertThat(publicResolver.stdout().text()).contains("ERROR ENETUNREACH");
        assertThat(testNet.stdout().text()).contains("ERROR ENETUNREACH");
    }

    @Test
    void namesDoNotResolve() {
        // when
        CommandOutcome outcome = sandbox.run("node -e \"require('dns').lookup('registry.npmjs.org', (e, a) => "
                + "{ console.log(e ? 'FAILED ' + e.code : 'RESOLVED ' + a); process.exit(e ? 5 : 0); })\"");

        // then
        assertThat(outcome.stdout().text()).startsWith("FAILED");
        assertThat(outcome.exitCode()).isEqualTo(5);
    }

    @Test
    void theOnlyInterfaceIsItsOwnLoopback_whichWorks() {
        // when: the command serves and calls itself on its own loopback, as a test of a web app would
        CommandOutcome interfaces = sandbox.run("tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '");
        CommandOutcome selfCall = sandbox.run("node -e \"const h = require('http');"
                + "const srv = h.createServer((q, r) => r.end('pong')).listen(8080, '127.0.0.1', () =>"
                + " h.get('http://127.0.0.1:8080', r => r.on('data', d => { console.log(String(d)); srv.close(); })))\"");

        // then
        assertThat(interfaces.stdout().text().strip()).isEqualTo("lo");
        assertThat(selfCall.stdout().text().strip()).isEqualTo("pong");
    }

    /** A CONNECT through the sandbox's bridge to the egress proxy: the proxy's status line, or the error. */
    private static String proxyConnect(String target) {
        return "const r = require('http').request({host: '127.0.0.1', port: 3128, method: 'CONNECT', path: '" + target + "'});"
                + "r.on('connect', (res, socket, head) => { console.log('STATUS ' + res.statusCode); socket.destroy(); process.exit(0); });"
                + "r.on('error', e => { console.log('ERROR ' + e.code); process.exit(4); }); r.end();";
    }

    @Test
    void withRegistriesAllowed_theHostsLoopbackIsStillUnreachable_andTheProxyRefusesAnythingButARegistry() {
        // when: a command allowed the registries tries the host's loopback directly, then through the proxy, and a
        // host that is not a registry
        CommandOutcome direct = sandbox.run(Duration.ofSeconds(20), true, workspace -> { },
                "node -e \"" + connect("127.0.0.1", hostService.getLocalPort()) + "\"");
        CommandOutcome viaProxy = sandbox.run(Duration.ofSeconds(20), true, workspace -> { },
                "node -e \"" + proxyConnect("127.0.0.1:" + hostService.getLocalPort()) + "\"");
        CommandOutcome notARegistry = sandbox.run(Duration.ofSeconds(20), true, workspace -> { },
                "node -e \"" + proxyConnect("example.com:443") + "\"");
        CommandOutcome dns = sandbox.run(Duration.ofSeconds(20), true, workspace -> { },
                "node -e \"require('dns').lookup('registry.npmjs.org', e => { console.log(e ? 'FAILED' : 'RESOLVED'); })\"");

        // then: the sandbox's own loopback has nothing there; the proxy refuses both; names do not resolve inside
        assertThat(direct.stdout().text()).contains("ERROR ECONNREFUSED");
        assertThat(viaProxy.stdout().text()).contains("STATUS 403");
        assertThat(notARegistry.stdout().text()).contains("STATUS 403");
        assertThat(dns.stdout().text()).contains("FAILED");
    }

    @Test
    void withRegistriesAllowed_npmReachesTheRegistryThroughTheProxy_withoutItNpmFails() {
        // when
        CommandOutcome allowed = sandbox.run(Duration.ofSeconds(120), true, workspace -> { },
                "HOME=/tmp npm view left-pad version --prefer-online");
        CommandOutcome isolated = sandbox.run(Duration.ofSeconds(120), false, workspace -> { },
                "HOME=/tmp npm view left-pad version --prefer-online --fetch-retries=0");

        // then
        assertThat(allowed.exitCode()).as(allowed.stderr().text()).isZero();
        assertThat(allowed.stdout().text().strip()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(isolated.exitCode()).isNotZero();
    }

    @Test
    void aSecondInstallOfAProject_isServedFromItsPackageCache_withoutARegistryRequest() {
        // given: a project depending on left-pad, installed once
        String project = "prj_cache_" + System.nanoTime();
        Consumer<Path> packageJson = workspace -> {
            try {
                Files.writeString(workspace.resolve("package.json"),
                        "{\"name\": \"cache-test\", \"version\": \"1.0.0\", \"dependencies\": {\"left-pad\": \"1.3.0\"}}");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        String install = "HOME=/tmp npm install && test -f node_modules/left-pad/index.js && echo INSTALLED";
        List<EgressProxy.Request> first = new CopyOnWriteArrayList<>();
        List<EgressProxy.Request> second = new CopyOnWriteArrayList<>();
        List<EgressProxy.Request> otherProject = new CopyOnWriteArrayList<>();

        // when: the same install again in a fresh workspace of the project, and once for another project
        CommandOutcome fetched = sandbox.install(packageJson, install, project, first::add);
        CommandOutcome cached = sandbox.install(packageJson, install, project, second::add);
        CommandOutcome elsewhere = sandbox.install(packageJson, install, project + "_other", otherProject::add);

        // then: the first asked the registry, the second nothing (counted at the proxy); another project's cache is its own
        assertThat(fetched.stdout().text()).as(fetched.stderr().text()).contains("INSTALLED");
        assertThat(first).isNotEmpty().allMatch(EgressProxy.Request::allowed);
        assertThat(cached.stdout().text()).as(cached.stderr().text()).contains("INSTALLED");
        assertThat(second).isEmpty();
        assertThat(elsewhere.stdout().text()).contains("INSTALLED");
        assertThat(otherProject).isNotEmpty();
    }
}
