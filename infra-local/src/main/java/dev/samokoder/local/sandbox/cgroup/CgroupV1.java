package dev.samokoder.local.sandbox.cgroup;

import dev.samokoder.sandbox.LimitsHit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * cgroup v1: one hierarchy per controller. A run gets a cgroup in each of memory, cpu and pids,
 * nested under this process's own cgroup of that controller, in
 * {@code samokoder-sandbox/<platform pid>/<run>}, so whatever limits the platform has apply too.
 */
final class CgroupV1 implements CgroupDriver {

    private final Path memoryBase;
    private final Path cpuBase;
    private final Path pidsBase;

    /** Each base is {@code <own cgroup of that controller>/samokoder-sandbox}. */
    CgroupV1(Path memoryBase, Path cpuBase, Path pidsBase) {
        this.memoryBase = memoryBase;
        this.cpuBase = cpuBase;
        this.pidsBase = pidsBase;
    }

    @Override
    public RunCgroup create(String name, SandboxLimits limits) throws IOException {
        String self = String.valueOf(ProcessHandle.current().pid());
        Path memory = Files.createDirectories(memoryBase.resolve(self).resolve(name));
        Path cpu = Files.createDirectories(cpuBase.resolve(self).resolve(name));
        Path pids = Files.createDirectories(pidsBase.resolve(self).resolve(name));
        Run run = new Run(memory, cpu, pids);
        try {
            CgroupFiles.write(memory.resolve("memory.limit_in_bytes"), String.valueOf(limits.memoryBytes()));
            if (Files.exists(memory.resolve("memory.memsw.limit_in_bytes"))) {
                // memory + swap: without it the limit only moves the excess to swap
                CgroupFiles.write(memory.resolve("memory.memsw.limit_in_bytes"), String.valueOf(limits.memoryBytes()));
            }
            CgroupFiles.write(cpu.resolve("cpu.cfs_period_us"), String.valueOf(SandboxLimits.CPU_PERIOD_MICROS));
            CgroupFiles.write(cpu.resolve("cpu.cfs_quota_us"), String.valueOf(limits.cpuQuotaMicros()));
            CgroupFiles.write(pids.resolve("pids.max"), String.valueOf(limits.maxProcesses()));
        } catch (IOException | RuntimeException e) {
            run.remove();
            throw e;
        }
        return run;
    }

    @Override
    public void removeStale() {
        for (Path base : List.of(pidsBase, memoryBase, cpuBase)) {
            for (Path platform : CgroupFiles.children(base)) {
                if (!CgroupFiles.ownerAlive(platform)) {
                    for (Path run : CgroupFiles.children(platform)) {
                        CgroupFiles.killUntilEmpty(run.resolve("cgroup.procs"));
                        CgroupFiles.removeDirectory(run);
                    }
                    CgroupFiles.removeDirectory(platform);
                }
            }
        }
    }

    @Override
    public void removeOwn() {
        String self = String.valueOf(ProcessHandle.current().pid());
        for (Path base : List.of(pidsBase, memoryBase, cpuBase)) {
            Path platform = base.resolve(self);
            if (Files.isDirectory(platform) && CgroupFiles.children(platform).isEmpty()) {
                CgroupFiles.removeDirectory(platform); // runs remove their own; another sandbox of this process may still run
            }
        }
    }

    @Override
    public String describe() {
        return "cgroup v1 (memory " + memoryBase + ", cpu " + cpuBase + ", pids " + pidsBase + ")";
    }

    private record Run(Path memory, Path cpu, Path pids) implements RunCgroup {

        @Override
        public void add(long pid) {
            try {
                for (Path cgroup : List.of(pids, memory, cpu)) {
                    CgroupFiles.write(cgroup.resolve("cgroup.procs"), String.valueOf(pid));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot move process " + pid + " into its sandbox cgroup", e);
            }
        }

        @Override
        public void killAll() {
            CgroupFiles.killUntilEmpty(pids.resolve("cgroup.procs")); // every sandbox process is in all three
        }

        @Override
        public LimitsHit limitsHit() {
            boolean memoryKill = CgroupFiles.keyedValue(memory.resolve("memory.oom_control"), "oom_kill") > 0;
            boolean forkRefused = CgroupFiles.keyedValue(pids.resolve("pids.events"), "max") > 0;
            return new LimitsHit(false, memoryKill, false, forkRefused);
        }

        @Override
        public void remove() {
            for (Path cgroup : List.of(pids, memory, cpu)) {
                CgroupFiles.removeDirectory(cgroup);
            }
        }
    }
}
