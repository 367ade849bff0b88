package dev.samokoder.local.sandbox;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.local.sandbox.cgroup.CgroupDetection;
import dev.samokoder.local.sandbox.cgroup.CgroupDriver;
import dev.samokoder.local.sandbox.cgroup.CgroupUnavailableException;
import dev.samokoder.local.sandbox.cgroup.SandboxLimits;
import dev.samokoder.sandbox.CommandLauncher;
import dev.samokoder.sandbox.CommandOutcome;
import dev.samokoder.sandbox.CommandSpec;
import dev.samokoder.sandbox.DirectLauncher;
import dev.samokoder.sandbox.ProcessSupervisor;
import dev.samokoder.sandbox.SandboxEnvironment;
import dev.samokoder.sandbox.SandboxLaunchException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how this machine runs generated code: bubblewrap in cgroups when both work (checked by
 * starting one real sandbox), a refusal that names what to install when they do not, or no
 * isolation at all when {@code SAMOKODER_SANDBOX=none} says so explicitly.
 */
final class LocalIsolation {

    private static final Logger log = LoggerFactory.getLogger(LocalIsolation.class);

    private final CommandLauncher launcher;
    private final String refusal;

    private LocalIsolation(CommandLauncher launcher, String refusal) {
        this.launcher = launcher;
        this.refusal = refusal;
    }

    static LocalIsolation resolve(SamokoderConfig.Sandbox settings, SandboxScratch scratch) {
        return resolve(settings, scratch, BubblewrapInstallation.searchPath());
    }

    /** @param searchPath where to look for bwrap and setpriv (PATH and the system folders) */
    static LocalIsolation resolve(SamokoderConfig.Sandbox settings, SandboxScratch scratch, String searchPath) {
        if (settings.isolation() == SamokoderConfig.Sandbox.Isolation.NONE) {
            log.warn("SAMOKODER_SANDBOX=none: generated code runs WITHOUT ANY ISOLATION, as this platform's user. Use it for trusted code only");
            CommandLauncher direct = DirectLauncher.unsandboxed();
            // without a network namespace of its own a previewed app would serve on the host's loopback, next to the platform
            return new LocalIsolation(spec -> {
                if (spec.exposePort() > 0) {
                    throw new SandboxLaunchException("a live preview needs the sandbox's isolation (bubblewrap); SAMOKODER_SANDBOX=none has none");
                }
                return direct.launch(spec);
            }, null);
        }
        try {
            BubblewrapLauncher launcher = bubblewrap(settings, searchPath);
            selfTest(launcher, scratch);
            log.info("local sandbox: {}", launcher.describe());
            return new LocalIsolation(launcher, null);
        } catch (SandboxUnavailableException e) {
            String refusal = e.getMessage() + ". Only SAMOKODER_SANDBOX=none (no isolation at all; unsafe, for trusted code only) "
                    + "runs generated code without it";
            log.warn("local sandbox unavailable, generated code will not run: {}", refusal);
            return new LocalIsolation(null, refusal);
        }
    }

    static BubblewrapLauncher bubblewrap(SamokoderConfig.Sandbox settings) throws SandboxUnavailableException {
        return bubblewrap(settings, BubblewrapInstallation.searchPath());
    }

    private static BubblewrapLauncher bubblewrap(SamokoderConfig.Sandbox settings, String searchPath) throws SandboxUnavailableException {
        SandboxIdentity identity = SandboxIdentity.forThisProcess(settings.uid());
        BubblewrapInstallation installation = BubblewrapInstallation.find(identity.dropFromRoot(), searchPath);
        CgroupDriver cgroups;
        try {
            cgroups = CgroupDetection.detect(settings.cgroup());
            cgroups.removeStale();
        } catch (CgroupUnavailableException e) {
            throw new SandboxUnavailableException(e.getMessage());
        }
        SandboxLimits limits = SandboxLimits.ofMegabytes(settings.memoryMb(), settings.cpuMillicores(), settings.maxProcesses());
        return new BubblewrapLauncher(installation, cgroups, limits, identity, HostLayout.ofThisMachine(), Set.copyOf(settings.registries()),
                BubblewrapArguments.mirrorEnvironment(settings.mirrors()),
                new PackageCaches(SandboxScratch.root(settings.dir()), identity), request -> { });
    }

    /** Starts {@code /bin/true} in a real sandbox: installed is not the same as working (user namespaces may be off). */
    private static void selfTest(BubblewrapLauncher launcher, SandboxScratch scratch) throws SandboxUnavailableException {
        SandboxScratch.RunFolder folder = scratch.create("self-test-" + System.nanoTime());
        try {
            CommandSpec spec = new CommandSpec("self-test", List.of("/bin/true"), folder.workspace(), "",
                    SandboxEnvironment.of(Map.of()), false);
            CommandOutcome outcome = new ProcessSupervisor(4096, 65_536).start(launcher, spec, Duration.ofSeconds(30)).await();
            if (outcome.exitCode() != 0) {
                throw new SandboxUnavailableException("bubblewrap is installed but could not start a sandbox here (exit "
                        + outcome.exitCode() + ": " + outcome.stderr().text().strip() + "). It needs unprivileged user "
                        + "namespaces: check sysctl user.max_user_namespaces, and on Ubuntu 24.04+ the AppArmor rule "
                        + "kernel.apparmor_restrict_unprivileged_userns");
            }
        } catch (SandboxLaunchException e) {
            throw new SandboxUnavailableException("the sandbox could not be started: " + e.getMessage());
        } finally {
            scratch.delete(folder);
        }
    }

    /** The launcher, or the refusal that says what to install. */
    CommandLauncher launcher() throws SandboxUnavailableException {
        if (launcher == null) {
            throw new SandboxUnavailableException(refusal);
        }
        return launcher;
    }

    /** Every run has ended: removes what the isolation set up on this machine. */
    void close() {
        if (launcher instanceof BubblewrapLauncher bubblewrap) {
            bubblewrap.close();
        }
    }
}
