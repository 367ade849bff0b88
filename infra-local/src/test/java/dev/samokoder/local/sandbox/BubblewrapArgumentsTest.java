package dev.samokoder.local.sandbox;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.SandboxEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BubblewrapArgumentsTest {

    private static final HostLayout MERGED_USR = new HostLayout(List.of("bin→usr/bin", "lib→usr/lib", "lib64→usr/lib64"), List.of(),
            List.of("ssl", "alternatives"));
    private static final Path EGRESS = Path.of("/tmp/samokoder-sandbox/42/sbx_1/egress");
    private static final Path WORKSPACE = Path.of("/tmp/samokoder-sandbox/42/sbx_1/workspace");

    private static List<String> argv(SandboxIdentity identity, boolean allowRegistries, String workingDirectory) {
        CommandSpec spec = new CommandSpec("sbx_1", List.of("npm", "test"), WORKSPACE, workingDirectory,
                SandboxEnvironment.of(Map.of("NODE_ENV", "test")), allowRegistries);
        return BubblewrapArguments.build(Path.of("/usr/bin/bwrap"), Path.of("/usr/bin/setpriv"),
                identity, MERGED_USR, true, Path.of("/x/etc/passwd"), Path.of("/x/etc/group"), spec,
                allowRegistries ? EGRESS : null);
    }

    /** The index of {@code option} followed by its values, or -1. */
    private static int indexOf(List<String> argv, String... optionAndValues) {
        return Collections.indexOfSubList(argv, List.of(optionAndValues));
    }

    @Test
    void aCommandThatExposesItsPort_listensOnASocketOfItsScratchFolder_andStillHasNoNetwork() {
        // given
        Path appDir = WORKSPACE.getParent().resolve("app");
        CommandSpec spec = new CommandSpec("sbx_1", List.of("npm", "start"), WORKSPACE, "", SandboxEnvironment.of(Map.of()), false,
                null, 3000);

        // when
        List<String> argv = BubblewrapArguments.build(Path.of("/usr/bin/bwrap"), Path.of("/usr/bin/setpriv"),
                new SandboxIdentity(65534, 65534, true), MERGED_USR, true, Path.of("/x/etc/passwd"), Path.of("/x/etc/group"), spec,
                null, null, Map.of(), appDir);

        // then
        assertThat(indexOf(argv, "--bind", appDir.toString(), BubblewrapArguments.APP_DIR)).isPositive();
        assertThat(argv).contains("--unshare-all").doesNotContain("--share-net", BubblewrapArguments.EGRESS_DIR);
        int bridge = indexOf(argv, "/bin/sh", "-c", BubblewrapArguments.appBridge(3000), "samokoder-app");
        assertThat(bridge).isGreaterThan(argv.indexOf("--"));
        assertThat(argv.subList(bridge + 4, argv.size())).containsExactly("npm", "start");
        assertThat(BubblewrapArguments.appBridge(3000))
                .startsWith("socat UNIX-LISTEN:/run/samokoder-app/app.sock,fork,mode=600 TCP:127.0.0.1:3000 ");
        // a socket folder without an exposed port (or the reverse) is a mistake of the caller
        assertThatThrownBy(() -> BubblewrapArguments.build(Path.of("/usr/bin/bwrap"), Path.of("/usr/bin/setpriv"),
                new SandboxIdentity(65534, 65534, true), MERGED_USR, true, Path.of("/x/etc/passwd"), Path.of("/x/etc/group"), spec,
                null, null, Map.of(), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyNamespaceIsNew_capabilitiesAreDropped_andTheSandboxDiesWithThePlatform() {
        // when
        List<String> argv = argv(new SandboxIdentity(65534, 65534, true), false, "");

        // then
        assertThat(argv).contains("--unshare-all", "--unshare-user", "--die-with-parent", "--new-session", "--disable-userns")
                .doesNotContain("--share-net");
        assertThat(indexOf(argv, "--cap-drop", "ALL")).isPositive();
        assertThat(indexOf(argv, "--uid", "1000", "--gid", "1000")).isPositive();
    }

    @Test
    void asRootItDropsToTheUnprivilegedUidBeforeBubblewrap() {
        // when
        List<String> asRoot = argv(new SandboxIdentity(65534, 65534, true), false, "");
        List<String> asUser = argv(new SandboxIdentity(1001, 1001, false), false, "");

        // then
        assertThat(indexOf(asRoot, "/usr/bin/setpriv", "--reuid", "65534", "--regid", "65534", "--clear-groups"))
                .isLessThan(asRoot.indexOf("/usr/bin/bwrap"));
        assertThat(asRoot).contains("--no-new-privs", "--bounding-set=-all");
        assertThat(asUser).doesNotContain("/usr/bin/setpriv");
    }

    @Test
    void theWorkspaceIsTheOnlyWritableHostFolder_usrIsReadOnly_rootIsRemountedReadOnly() {
        // when
        List<String> argv = argv(new SandboxIdentity(65534, 65534, true), false, "frontend");

        // then
        assertThat(argv.stream().filter(arg -> arg.equals("--bind")).count()).isEqualTo(1);
        assertThat(indexOf(argv, "--bind", WORKSPACE.toString(), "/workspace")).isPositive();
        assertThat(indexOf(argv, "--ro-bind", "/usr", "/usr")).isPositive();
        assertThat(indexOf(argv, "--symlink", "usr/bin", "/bin")).isPositive();
        assertThat(indexOf(argv, "--chdir", "/workspace/frontend")).isPositive();
        assertThat(indexOf(argv, "--remount-ro", "/")).isGreaterThan(indexOf(argv, "--bind", WORKSPACE.toString(), "/workspace"));
        assertThat(argv).doesNotContain("/etc/resolv.conf");
    }

    @Test
    void theEnvironmentIsClearedThenSet_andTheCommandComesLast() {
        // when
        List<String> argv = argv(new SandboxIdentity(65534, 65534, true), false, "");

        // then
        assertThat(indexOf(argv, "--setenv", "NODE_ENV", "test")).isGreaterThan(argv.indexOf("--clearenv"));
        assertThat(argv.subList(argv.size() - 3, argv.size())).containsExactly("--", "npm", "test");
        assertThat(argv.subList(0, 4)).containsExactly("/bin/sh", "-c", BubblewrapArguments.HANDSHAKE, "samokoder-sandbox");
    }

    @Test
    void allowingRegistries_keepsTheNetworkUnshared_andGivesOnlyTheProxysSocketWithABridgeToIt() {
        // when
        List<String> argv = argv(new SandboxIdentity(65534, 65534, true), true, "");

        // then: no host network, no name resolution; the proxy's folder, the proxy in the environment, the bridge first
        assertThat(argv).doesNotContain("--share-net").doesNotContain("/etc/resolv.conf");
        assertThat(indexOf(argv, "--bind", EGRESS.toString(), BubblewrapArguments.EGRESS_DIR)).isPositive();
        assertThat(indexOf(argv, "--setenv", "HTTPS_PROXY", "http://127.0.0.1:3128")).isGreaterThan(argv.indexOf("--clearenv"));
        assertThat(indexOf(argv, "--setenv", "npm_config_https_proxy", "http://127.0.0.1:3128")).isPositive();
        assertThat(argv.subList(argv.size() - 7, argv.size()))
                .containsExactly("--", "/bin/sh", "-c", BubblewrapArguments.BRIDGE, "samokoder-egress", "npm", "test");
    }

    @Test
    void anInstallWithAPackageCache_getsItAtSlashCache_andThePackageManagersPointedAtItAndTheMirror() {
        // when
        CommandSpec spec = new CommandSpec("sbx_1", List.of("npm", "ci"), WORKSPACE, "", SandboxEnvironment.of(Map.of()), true, "prj_1");
        List<String> argv = BubblewrapArguments.build(Path.of("/usr/bin/bwrap"), Path.of("/usr/bin/setpriv"),
                new SandboxIdentity(65534, 65534, true), MERGED_USR, true, Path.of("/x/etc/passwd"), Path.of("/x/etc/group"), spec,
                EGRESS, Path.of("/tmp/samokoder-sandbox-0/package-cache/ab12"), BubblewrapArguments.mirrorEnvironment(
                        new SamokoderConfig.Sandbox.Mirrors(Optional.of(URI.create("http://127.0.0.1:8765/simple/")), Optional.empty())));

        // then
        assertThat(indexOf(argv, "--bind", "/tmp/samokoder-sandbox-0/package-cache/ab12", "/cache")).isPositive();
        assertThat(indexOf(argv, "--setenv", "npm_config_cache", "/cache/npm")).isPositive();
        assertThat(indexOf(argv, "--setenv", "npm_config_prefer_offline", "true")).isPositive();
        assertThat(indexOf(argv, "--setenv", "PIP_CACHE_DIR", "/cache/pip")).isPositive();
        assertThat(indexOf(argv, "--setenv", "PIP_INDEX_URL", "http://127.0.0.1:8765/simple/")).isPositive();
        assertThat(indexOf(argv, "--setenv", "PIP_TRUSTED_HOST", "127.0.0.1:8765")).isPositive();
    }

    @Test
    void withoutRegistries_thereIsNoProxy() {
        // when
        List<String> argv = argv(new SandboxIdentity(65534, 65534, true), false, "");

        // then
        assertThat(argv).doesNotContain(BubblewrapArguments.EGRESS_DIR, "HTTPS_PROXY", BubblewrapArguments.BRIDGE);
    }
}
