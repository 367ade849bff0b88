package dev.samokoder.local.sandbox;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.PackageCache;
import dev.samokoder.sandbox.SandboxEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The argv that starts a command in the sandbox. Read it top to bottom as the isolation:
 * <ol>
 * <li>a shell that waits for one line on stdin, so the platform can move it into the run's cgroup
 *     before anything in the sandbox exists (no fork can escape the limits), forbids core dumps
 *     ({@code ulimit -c 0}, a builtin: no program of its own to start), then execs the rest;</li>
 * <li>as root, {@code setpriv}: an unprivileged uid/gid, no supplementary groups, no capabilities
 *     and no_new_privs before bubblewrap runs;</li>
 * <li>{@code bwrap}: new user, pid, network, ipc, uts and cgroup namespaces (no network device but
 *     {@code lo}, always: with registries allowed, the sandbox gets the Unix socket of the host's
 *     {@link EgressProxy} and a bridge from its own loopback to it, nothing more); it dies with the platform
 *     thread that started it; no capabilities; its own session (no terminal injection); no nested
 *     user namespaces where bubblewrap supports that; a read-only root with read-only {@code /usr},
 *     a private {@code /proc}, a minimal {@code /dev}, a private {@code /tmp}, and the workspace as
 *     the only writable folder of the host; a clean environment.</li>
 * </ol>
 */
final class BubblewrapArguments {

    static final String HANDSHAKE = "read -r _ && ulimit -c 0 && exec \"$@\"";
    /** Where the sandbox sees the egress proxy's socket folder. */
    static final String EGRESS_DIR = "/run/samokoder-egress";
    /** The port on the sandbox's own loopback that leads to the egress proxy. */
    static final int EGRESS_PORT = 3128;
    /**
     * Starts the bridge from the sandbox's loopback to the proxy's socket, waits until it listens (its line in
     * /proc/net/tcp: 127.0.0.1:3128, state LISTEN), then runs the command.
     */
    static final String BRIDGE = "socat TCP-LISTEN:" + EGRESS_PORT + ",bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:" + EGRESS_DIR
            + "/" + "proxy.sock 2>/dev/null &\n"
            + "i=0; while ! grep -q ' 0100007F:" + String.format("%04X", EGRESS_PORT) + " 00000000:0000 0A ' /proc/net/tcp; do\n"
            + "  i=$((i+1)); if [ $i -gt 500 ]; then echo '[samokoder] the bridge to the package registries did not start' >&2; exit 125; fi\n"
            + "  sleep 0.01\n"
            + "done\n"
            + "exec \"$@\"";
    private static final String PROXY_URL = "http://127.0.0.1:" + EGRESS_PORT;
    /** Where the sandbox sees the folder of its exposed app's socket (a live preview). */
    static final String APP_DIR = "/run/samokoder-app";
    /** The socket, in the run's scratch folder, through which the platform reaches the app's port. */
    static final String APP_SOCKET = "app.sock";

    /**
     * The other direction of {@link #BRIDGE}: a socket in a folder bound from the host that leads to the app's port on
     * the sandbox's own loopback; each connection the platform opens on it becomes one to the app. The sandbox still
     * has no network: the host's side is a file of the run's scratch folder that only the platform opens.
     */
    static String appBridge(int port) {
        return "socat UNIX-LISTEN:" + APP_DIR + "/" + APP_SOCKET + ",fork,mode=600 TCP:127.0.0.1:" + port + " 2>/dev/null &\n"
                + "exec \"$@\"";
    }

    private BubblewrapArguments() {
    }

    /**
     * @param passwd and {@code group}: the sandbox's own account files (the host's are not shown)
     * @param disableUserns whether this bubblewrap supports {@code --disable-userns} (0.8+)
     */
    /**
     * What points the package managers at the operator's mirrors, for the commands that may reach the registries:
     * pip's index (trusted, as pip wants, when it is plain http) and npm's registry (pnpm and yarn read it too).
     */
    static Map<String, String> mirrorEnvironment(SamokoderConfig.Sandbox.Mirrors mirrors) {
        Map<String, String> environment = new java.util.TreeMap<>();
        mirrors.pipIndex().ifPresent(index -> {
            environment.put("PIP_INDEX_URL", index.toString());
            if (index.getScheme().equals("http")) {
                environment.put("PIP_TRUSTED_HOST", index.getPort() > 0 ? index.getHost() + ":" + index.getPort() : index.getHost());
            }
        });
        mirrors.npmRegistry().ifPresent(registry -> {
            environment.put("npm_config_registry", registry.toString());
            environment.put("YARN_NPM_REGISTRY_SERVER", registry.toString());
        });
        return environment;
    }

    static List<String> build(Path bwrap, Path setpriv, SandboxIdentity identity, HostLayout host,
                              boolean disableUserns, Path passwd, Path group, CommandSpec spec, Path egressDir) {
        return build(bwrap, setpriv, identity, host, disableUserns, passwd, group, spec, egressDir, null, Map.of());
    }

    /** @param packageCache the project's package cache on this machine, bound at {@code /cache} for an install; null: none */
    static List<String> build(Path bwrap, Path setpriv, SandboxIdentity identity, HostLayout host,
                              boolean disableUserns, Path passwd, Path group, CommandSpec spec, Path egressDir, Path packageCache,
                              Map<String, String> mirrors) {
        return build(bwrap, setpriv, identity, host, disableUserns, passwd, group, spec, egressDir, packageCache, mirrors, null);
    }

    /** @param appDir the folder of the exposed app's socket on this machine, for a command that exposes a port; else null */
    static List<String> build(Path bwrap, Path setpriv, SandboxIdentity identity, HostLayout host,
                              boolean disableUserns, Path passwd, Path group, CommandSpec spec, Path egressDir, Path packageCache,
                              Map<String, String> mirrors, Path appDir) {
        if (spec.allowRegistries() && egressDir == null) {
            throw new IllegalArgumentException("a command allowed the registries needs the egress proxy's folder");
        }
        if ((spec.exposePort() > 0) != (appDir != null)) {
            throw new IllegalArgumentException("a command that exposes a port needs the app socket's folder, and only such a command");
        }
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", HANDSHAKE, "samokoder-sandbox"));
        if (identity.dropFromRoot()) {
            argv.addAll(List.of(setpriv.toString(), "--reuid", String.valueOf(identity.uid()), "--regid", String.valueOf(identity.gid()),
                    "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
        }
        argv.add(bwrap.toString());
        argv.addAll(List.of("--unshare-all", "--unshare-user")); // -all only tries the user namespace; we require it
        argv.addAll(List.of("--die-with-parent", "--new-session", "--cap-drop", "ALL"));
        if (disableUserns) {
            argv.add("--disable-userns");
        }
        String inner = String.valueOf(SandboxIdentity.INNER_ID);
        argv.addAll(List.of("--uid", inner, "--gid", inner, "--hostname", "sandbox"));
        argv.addAll(List.of("--ro-bind", "/usr", "/usr"));
        for (String link : host.usrLinks()) {
            String[] parts = link.split("→", 2);
            argv.addAll(List.of("--symlink", parts[1], "/" + parts[0]));
        }
        for (String folder : host.topLevelFolders()) {
            argv.addAll(List.of("--ro-bind", "/" + folder, "/" + folder));
        }
        for (String name : host.etcFiles()) {
            argv.addAll(List.of("--ro-bind", "/etc/" + name, "/etc/" + name));
        }
        argv.addAll(List.of("--ro-bind", passwd.toString(), "/etc/passwd", "--ro-bind", group.toString(), "/etc/group"));
        argv.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        argv.addAll(List.of("--bind", spec.workspace().toString(), SandboxEnvironment.WORKSPACE));
        if (spec.allowRegistries()) {
            argv.addAll(List.of("--bind", egressDir.toString(), EGRESS_DIR));
        }
        if (spec.allowRegistries() && packageCache != null) {
            argv.addAll(List.of("--bind", packageCache.toString(), PackageCaches.MOUNT));
        }
        if (appDir != null) {
            argv.addAll(List.of("--bind", appDir.toString(), APP_DIR));
        }
        argv.addAll(List.of("--chdir", spec.workingDirectory().isEmpty() ? SandboxEnvironment.WORKSPACE
                : SandboxEnvironment.WORKSPACE + "/" + spec.workingDirectory()));
        argv.addAll(List.of("--remount-ro", "/"));
        argv.add("--clearenv");
        for (Map.Entry<String, String> variable : spec.environment().entrySet()) {
            argv.addAll(List.of("--setenv", variable.getKey(), variable.getValue()));
        }
        if (spec.allowRegistries()) {
            // npm, pnpm, yarn and pip all take the proxy from these (the proxy resolves names: no DNS in the sandbox)
            for (String name : List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "npm_config_proxy",
                    "npm_config_https_proxy")) {
                argv.addAll(List.of("--setenv", name, PROXY_URL));
            }
            for (Map.Entry<String, String> variable : mirrors.entrySet()) {
                argv.addAll(List.of("--setenv", variable.getKey(), variable.getValue()));
            }
        }
        if (spec.allowRegistries() && packageCache != null) {
            // the project's cache (the same variables as the Fargate runner's cache from S3)
            for (Map.Entry<String, String> variable : PackageCache.environment(PackageCaches.MOUNT).entrySet()) {
                argv.addAll(List.of("--setenv", variable.getKey(), variable.getValue()));
            }
        }
        argv.add("--");
        if (spec.allowRegistries()) {
            argv.addAll(List.of("/bin/sh", "-c", BRIDGE, "samokoder-egress"));
        }
        if (appDir != null) {
            argv.addAll(List.of("/bin/sh", "-c", appBridge(spec.exposePort()), "samokoder-app"));
        }
        argv.addAll(spec.argv());
        return argv;
    }
}
