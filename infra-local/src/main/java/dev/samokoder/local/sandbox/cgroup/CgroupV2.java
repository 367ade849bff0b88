package dev.samokoder.local.sandbox.cgroup;

import dev.samokoder.sandbox.LimitsHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * cgroup v2: one hierarchy. Runs live in {@code <base>/<platform pid>/<run>}, where the base is
 * {@code samokoder-sandbox} at the top of the hierarchy (root only) or a folder delegated to this
 * user. The memory, cpu and pids controllers are enabled down the way; a folder with controllers
 * enabled for its children never holds processes itself (the v2 rule).
 */
final class CgroupV2 implements CgroupDriver {

    static final String CONTROLLERS = "+memory +pids +cpu";

    private final Path base;

    CgroupV2(Path base) {
        this.base = base;
    }

    @Override
    public RunCgroup create(String name, SandboxLimits limits) throws IOException {
        Path platform = base.resolve(String.valueOf(ProcessHandle.current().pid()));
        if (!Files.isDirectory(platform)) {
            Files.createDirectories(platform);
            CgroupFiles.write(platform.resolve("cgroup.subtree_control"), CONTROLLERS);
        }
        Path run = Files.createDirectory(platform.resolve(name));
        Run cgroup = new Run(run);
        try {
            CgroupFiles.write(run.resolve("memory.max"), String.valueOf(limits.memoryBytes()));
            if (Files.exists(run.resolve("memory.swap.max"))) {
                CgroupFiles.write(run.resolve("memory.swap.max"), "0");
            }
            CgroupFiles.write(run.resolve("cpu.max"), limits.cpuQuotaMicros() + " " + SandboxLimits.CPU_PERIOD_MICROS);
            CgroupFiles.write(run.resolve("pids.max"), String.valueOf(limits.maxProcesses()));
        } catch (IOException | RuntimeException e) {
            cgroup.remove();
            throw e;
        }
        return cgroup;
    }

    /** Enables the controllers in the base, so its children (one per platform process) may use them. */
    void prepare() throws IOException {
        Files.createDirectories(base);
        CgroupFiles.write(base.resolve("cgroup.subtree_control"), CONTROLLERS);
    }

    @Override
    public void removeStale() {
        for (Path platform : CgroupFiles.children(base)) {
            if (!CgroupFiles.ownerAlive(platform)) {
                for (Path run : CgroupFiles.children(platform)) {
                    new Run(run).killAll();
                    CgroupFiles.removeDirectory(run);
                }
                CgroupFiles.removeDirectory(platform);
            }
        }
    }

    @Override
    public void removeOwn() {
        Path platform = base.resolve(String.valueOf(ProcessHandle.current().pid()));
        if (Files.isDirectory(platform) && CgroupFiles.children(platform).isEmpty()) {
            CgroupFiles.removeDirectory(platform); // runs remove their own; another sandbox of this process may still run
        }
    }

    @Override
    public String describe() {
        return "cgroup v2 under " + base;
    }

    private record Run(Path cgroup) implements RunCgroup {

        @Override
        public void add(long pid) {
            try {
                CgroupFiles.write(cgroup.resolve("cgroup.procs"), String.valueOf(pid));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move process " + pid + " into its sandbox cgroup", e);
            }
        }

        @Override
        public void killAll() {
            Path kill = cgroup.resolve("cgroup.kill"); // Linux 5.14+: the kernel kills the whole cgroup at once
            if (Files.exists(kill)) {
                try {
                    CgroupFiles.write(kill, "1");
                } catch (IOException e) {
                    // fall back to killing process by process below
                }
            }
            CgroupFiles.killUntilEmpty(cgroup.resolve("cgroup.procs"));
        }

        @Override
        public LimitsHit limitsHit() {
            boolean memoryKill = CgroupFiles.keyedValue(cgroup.resolve("memory.events"), "oom_kill") > 0;
            boolean forkRefused = CgroupFiles.keyedValue(cgroup.resolve("pids.events"), "max") > 0;
            return new LimitsHit(false, memoryKill, false, forkRefused);
        }

        @Override
        public void remove() {
            CgroupFiles.removeDirectory(cgroup);
        }
    }
}
