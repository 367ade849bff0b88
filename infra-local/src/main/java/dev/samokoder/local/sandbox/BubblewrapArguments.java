package dev.samokoder.local.sandbox;

import dev.samokoder.shared.sandbox.CommandSpec;
import dev.samokoder.shared.sandbox.SandboxEnvironment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The argv that starts a command in the sandbox. Read it top to bottom as the isolation:
 * <ol>
 * <li>a shell that waits for one line on stdin, so the platform can move it into the run's cgroup
 *     before anything in the sandbox exists (no fork can escape the limits), then execs the rest;</li>
 * <li>{@code prlimit}: no core dumps;</li>
 * <li>as root, {@code setpriv}: an unprivileged uid/gid, no supplementary groups, no capabilities
 *     and no_new_privs before bubblewrap runs;</li>
 * <li>{@code bwrap}: new user, pid, network, ipc, uts and cgroup namespaces (no network device but
 *     {@code lo}; with registries allowed the host's network is shared); it dies with the platform
 *     thread that started it; no capabilities; its own session (no terminal injection); no nested
 *     user namespaces where bubblewrap supports that; a read-only root with read-only {@code /usr},
 *     a private {@code /proc}, a minimal {@code /dev}, a private {@code /tmp}, and the workspace as
 *     the only writable folder of the host; a clean environment.</li>
 * </ol>
 */
final class BubblewrapArguments {

    static final String HANDSHAKE = "read -r _ && exec \"$@\"";

    private BubblewrapArguments() {
    }

    /**
     * @param passwd and {@code group}: the sandbox's own account files (the host's are not shown)
     * @param disableUserns whether this bubblewrap supports {@code --disable-userns} (0.8+)
     */
    static List<String> build(Path bwrap, Path prlimit, Path setpriv, SandboxIdentity identity, HostLayout host,
                              boolean disableUserns, Path passwd, Path group, CommandSpec spec) {
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", HANDSHAKE, "samokoder-sandbox"));
        argv.addAll(List.of(prlimit.toString(), "--core=0", "--"));
        if (identity.dropFromRoot()) {
            argv.addAll(List.of(setpriv.toString(), "--reuid", String.valueOf(identity.uid()), "--regid", String.valueOf(identity.gid()),
                    "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs"));
        }
        argv.add(bwrap.toString());
        argv.addAll(List.of("--unshare-all", "--unshare-user")); // -all only tries the user namespace; we require it
        if (spec.allowRegistries()) {
            argv.add("--share-net");
        }
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
        if (spec.allowRegistries()) {
            for (String name : host.networkEtcFiles()) {
                argv.addAll(List.of("--ro-bind", "/etc/" + name, "/etc/" + name));
            }
        }
        argv.addAll(List.of("--ro-bind", passwd.toString(), "/etc/passwd", "--ro-bind", group.toString(), "/etc/group"));
        argv.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"));
        argv.addAll(List.of("--bind", spec.workspace().toString(), SandboxEnvironment.WORKSPACE));
        argv.addAll(List.of("--chdir", spec.workingDirectory().isEmpty() ? SandboxEnvironment.WORKSPACE
                : SandboxEnvironment.WORKSPACE + "/" + spec.workingDirectory()));
        argv.addAll(List.of("--remount-ro", "/"));
        argv.add("--clearenv");
        for (Map.Entry<String, String> variable : spec.environment().entrySet()) {
            argv.addAll(List.of("--setenv", variable.getKey(), variable.getValue()));
        }
        argv.add("--");
        argv.addAll(spec.argv());
        return argv;
    }
}
