package dev.samokoder.local.sandbox;

import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.sandbox.CommandLauncher;
import java.nio.file.Path;

/**
 * The local sandbox on its own, without a platform: bubblewrap in cgroups as the platform builds it from the sandbox
 * settings, and run folders to work in, for a tool that measures the sandbox itself ({@code scripts/bench sandbox}).
 * The platform runs its commands through {@link LocalSandbox}, which also checks that the sandbox works here.
 */
public final class StandaloneSandbox implements AutoCloseable {

    private final SandboxScratch scratch;
    private final BubblewrapLauncher launcher;

    private StandaloneSandbox(SandboxScratch scratch, BubblewrapLauncher launcher) {
        this.scratch = scratch;
        this.launcher = launcher;
    }

    /** @throws SandboxUnavailableException bubblewrap or the cgroups are missing here (the message says what to install) */
    public static StandaloneSandbox open(SamokoderConfig.Sandbox settings) throws SandboxUnavailableException {
        BubblewrapLauncher launcher = LocalIsolation.bubblewrap(settings);
        return new StandaloneSandbox(SandboxScratch.open(settings.dir()), launcher);
    }

    /** bubblewrap's path, the sandbox's uid, the cgroups and the limits. */
    public String describe() {
        return launcher.describe();
    }

    public CommandLauncher launcher() {
        return launcher;
    }

    /** The launcher, calling {@code onEgressRequest} for every request its egress proxies answer. */
    public CommandLauncher launcher(Runnable onEgressRequest) {
        return launcher.withEgressLog(request -> onEgressRequest.run());
    }

    /** A new, empty workspace in a run folder of its own; closing it removes the folder. */
    public Workspace newWorkspace(String name) {
        return new Workspace(scratch, scratch.create(name));
    }

    /** Removes this process's cgroup folder and run folders (every command has ended). */
    @Override
    public void close() {
        try {
            launcher.close();
        } finally {
            scratch.close();
        }
    }

    /** One run folder's workspace, where a command's {@code CommandSpec} points. */
    public static final class Workspace implements AutoCloseable {

        private final SandboxScratch scratch;
        private final SandboxScratch.RunFolder folder;

        private Workspace(SandboxScratch scratch, SandboxScratch.RunFolder folder) {
            this.scratch = scratch;
            this.folder = folder;
        }

        public Path path() {
            return folder.workspace();
        }

        @Override
        public void close() {
            scratch.delete(folder);
        }
    }
}
