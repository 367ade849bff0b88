package dev.samokoder.local.sandbox;

import dev.samokoder.local.sandbox.cgroup.CgroupDriver;
import dev.samokoder.local.sandbox.cgroup.RunCgroup;
import dev.samokoder.local.sandbox.cgroup.SandboxLimits;
import dev.samokoder.sandbox.CommandLauncher;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.LaunchedCommand;
import dev.samokoder.sandbox.LimitsHit;
import dev.samokoder.sandbox.SandboxLaunchException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Starts a command in bubblewrap inside a cgroup of its own (see {@link BubblewrapArguments} for
 * the isolation). The workspace's parent folder is the run's scratch folder: the sandbox's
 * account files are written there, next to the workspace, never inside it.
 */
final class BubblewrapLauncher implements CommandLauncher {

    private static final AtomicLong LAUNCHES = new AtomicLong();

    private final BubblewrapInstallation installation;
    private final CgroupDriver cgroups;
    private final SandboxLimits limits;
    private final SandboxIdentity identity;
    private final HostLayout host;
    private final Set<String> registries;
    private final Map<String, String> mirrors;
    private final PackageCaches caches;
    private final Consumer<EgressProxy.Request> egressLog;

    BubblewrapLauncher(BubblewrapInstallation installation, CgroupDriver cgroups, SandboxLimits limits, SandboxIdentity identity,
                       HostLayout host, Set<String> registries, Map<String, String> mirrors, PackageCaches caches,
                       Consumer<EgressProxy.Request> egressLog) {
        this.installation = installation;
        this.cgroups = cgroups;
        this.limits = limits;
        this.identity = identity;
        this.host = host;
        this.registries = Set.copyOf(registries);
        this.mirrors = Map.copyOf(mirrors);
        this.caches = caches;
        this.egressLog = egressLog;
    }

    BubblewrapLauncher withLimits(SandboxLimits newLimits) {
        return new BubblewrapLauncher(installation, cgroups, newLimits, identity, host, registries, mirrors, caches, egressLog);
    }

    /** The same launcher, telling {@code log} about every request its egress proxies answer (what a test counts). */
    BubblewrapLauncher withEgressLog(Consumer<EgressProxy.Request> log) {
        return new BubblewrapLauncher(installation, cgroups, limits, identity, host, registries, mirrors, caches, log);
    }

    /** Every run has ended: removes this process's cgroup folder. */
    void close() {
        cgroups.removeOwn();
    }

    String describe() {
        return "bubblewrap (" + installation.bwrap() + ") as uid " + identity.uid() + ", " + cgroups.describe() + ", limits "
                + limits.memoryBytes() / (1024 * 1024) + " MiB, " + limits.cpuMillicores() + " millicores, " + limits.maxProcesses() + " processes";
    }

    @Override
    public LaunchedCommand launch(CommandSpec spec) throws IOException {
        requireWorkingDirectory(spec);
        Path etc = Files.createDirectories(spec.workspace().getParent().resolve("etc"));
        Path passwd = Files.writeString(etc.resolve("passwd"), identity.passwd());
        Path group = Files.writeString(etc.resolve("group"), identity.group());
        if (identity.dropFromRoot()) {
            WorkspaceOwnership.giveTo(spec.workspace(), identity.uid(), identity.gid());
        }
        Path appDir = spec.exposePort() > 0 ? sandboxOnlyFolder(appSocket(spec.workspace()).getParent()) : null;
        if (appDir != null && installation.socat().isEmpty()) {
            throw new SandboxLaunchException("a live preview reaches the app through socat, which is not installed here (apt-get install socat)");
        }
        Path egressDir = spec.allowRegistries() ? spec.workspace().getParent().resolve("egress") : null;
        EgressProxy proxy = egressDir == null ? null : egressProxy(egressDir);
        Path cache;
        try {
            cache = spec.allowRegistries() && spec.packageCache() != null ? caches.of(spec.packageCache()) : null;
        } catch (IOException | RuntimeException e) {
            closeQuietly(proxy);
            throw e;
        }
        List<String> argv = BubblewrapArguments.build(installation.bwrap(), installation.setpriv(),
                identity, host, installation.disableUserns(), passwd, group, spec, egressDir, cache, mirrors, appDir);
        // a name of its own per launch: the same spec may run again (a self-test, a benchmark) while the
        // last run's cgroup is still being removed
        RunCgroup cgroup;
        Process process;
        try {
            cgroup = cgroups.create(spec.id() + "-" + LAUNCHES.incrementAndGet(), limits);
        } catch (RuntimeException e) {
            closeQuietly(proxy);
            throw e;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(argv);
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/bin:/bin:/usr/sbin:/sbin");
            process = builder.start();
        } catch (IOException | RuntimeException e) {
            cgroup.remove();
            closeQuietly(proxy);
            throw e;
        }
        try {
            cgroup.add(process.pid());
            OutputStream handshake = process.getOutputStream();
            handshake.write('\n');
            handshake.flush();
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            cgroup.killAll();
            cgroup.remove();
            closeQuietly(proxy);
            throw new SandboxLaunchException("could not put the sandbox into its cgroup: " + e.getMessage(), e);
        }
        return new Launched(process, cgroup, proxy);
    }

    /**
     * Where the platform reaches the port a command of this workspace exposes (a live preview): a socket the sandbox
     * listens on, in a folder of the run's scratch folder.
     */
    static Path appSocket(Path workspace) {
        return workspace.getParent().resolve("app").resolve(BubblewrapArguments.APP_SOCKET);
    }

    /**
     * The proxy of one command allowed the registries: its socket in a folder of the run's scratch folder that only
     * the sandbox's user may enter, bound into the sandbox.
     */
    private EgressProxy egressProxy(Path dir) throws IOException {
        if (installation.socat().isEmpty()) {
            throw new SandboxLaunchException("installs reach the package registries through socat, which is not installed here "
                    + "(apt-get install socat)");
        }
        sandboxOnlyFolder(dir);
        return EgressProxy.start(dir.resolve("proxy.sock"), registries, identity.uid(), identity.gid(), identity.dropFromRoot(), egressLog);
    }

    /** A folder of the run's scratch folder only the sandbox's user (and root) may enter. */
    private Path sandboxOnlyFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        if (identity.dropFromRoot()) {
            Files.setAttribute(dir, "unix:uid", identity.uid());
            Files.setAttribute(dir, "unix:gid", identity.gid());
        }
        return dir;
    }

    private static void closeQuietly(EgressProxy proxy) {
        if (proxy != null) {
            proxy.close();
        }
    }

    private static void requireWorkingDirectory(CommandSpec spec) throws IOException {
        Path workspace = spec.workspace().toRealPath();
        Path directory = workspace.resolve(spec.workingDirectory());
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS) || !directory.toRealPath().startsWith(workspace)) {
            throw new SandboxLaunchException("the working directory '" + spec.workingDirectory() + "' is not a folder of the workspace");
        }
    }

    private record Launched(Process process, RunCgroup cgroup, EgressProxy proxy) implements LaunchedCommand {

        @Override
        public void killTree() {
            // bwrap is the init of the sandbox's pid namespace: when it dies the kernel kills the rest;
            // the cgroup catches anything still on its way out. (Process.destroy would also close the
            // pipes the supervisor still drains: signal through the handle.)
            process.toHandle().destroyForcibly();
            cgroup.killAll();
        }

        @Override
        public LimitsHit limitsHit() {
            return cgroup.limitsHit();
        }

        @Override
        public void release() {
            cgroup.remove();
            closeQuietly(proxy);
        }
    }
}
