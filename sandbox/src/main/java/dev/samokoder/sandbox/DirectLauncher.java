package dev.samokoder.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Starts the command as a plain child process, with only the sandbox environment. It isolates
 * nothing by itself: in the Fargate task the task is the sandbox; on a developer's machine it is
 * the explicit {@code SAMOKODER_SANDBOX=none} mode for trusted code.
 */
public final class DirectLauncher implements CommandLauncher {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path KILL = Path.of("/bin/kill");

    private final boolean wholeContainer;

    private DirectLauncher(boolean wholeContainer) {
        this.wholeContainer = wholeContainer;
    }

    /**
     * For a container that exists for this one run: ending the tree kills every process in the
     * container but the runner, which also catches daemons that left the command's tree.
     */
    public static DirectLauncher forDedicatedContainer() {
        return new DirectLauncher(true);
    }

    /** For trusted code on a shared machine: ends the command's process group and descendants only. */
    public static DirectLauncher unsandboxed() {
        return new DirectLauncher(false);
    }

    @Override
    public LaunchedCommand launch(CommandSpec spec) throws IOException {
        List<String> argv = new ArrayList<>();
        boolean ownGroup = !wholeContainer && Files.isExecutable(SETSID);
        if (ownGroup) {
            argv.add(SETSID.toString()); // a process group of its own, so the group can be killed at once
        }
        argv.addAll(spec.argv());
        ProcessBuilder builder = new ProcessBuilder(argv).directory(workingDirectory(spec).toFile());
        builder.environment().clear();
        builder.environment().putAll(spec.environment());
        Process process = builder.start();
        return new Launched(process, ownGroup, wholeContainer);
    }

    private static Path workingDirectory(CommandSpec spec) throws IOException {
        Path directory = spec.workspace().resolve(spec.workingDirectory()).normalize();
        if (!directory.startsWith(spec.workspace()) || !Files.isDirectory(directory)) {
            throw new SandboxLaunchException("the working directory '" + spec.workingDirectory() + "' is not a folder of the workspace");
        }
        return directory;
    }

    private record Launched(Process process, boolean ownGroup, boolean wholeContainer) implements LaunchedCommand {

        /** Signals through process handles: Process.destroy would also close the pipes the supervisor still drains. */
        @Override
        public void killTree() {
            if (wholeContainer) {
                Set<Long> keep = new HashSet<>();
                for (Optional<ProcessHandle> p = Optional.of(ProcessHandle.current()); p.isPresent(); p = p.get().parent()) {
                    keep.add(p.get().pid()); // the runner and whatever started it (an init, if the task has one)
                }
                ProcessHandle.allProcesses().filter(p -> !keep.contains(p.pid())).forEach(ProcessHandle::destroyForcibly);
                return;
            }
            List<ProcessHandle> descendants = process.descendants().toList();
            if (ownGroup && process.isAlive()) {
                killGroup(process.pid());
            }
            process.toHandle().destroyForcibly();
            descendants.forEach(ProcessHandle::destroyForcibly);
        }

        private static void killGroup(long groupId) {
            try {
                Process kill = new ProcessBuilder(KILL.toString(), "-KILL", "--", "-" + groupId)
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                kill.waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // the descendants are still killed one by one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
