package dev.samokoder.local.sandbox.cgroup;

import java.io.IOException;

/** Makes run cgroups with memory, CPU and process limits, on cgroup v1 or v2. */
public interface CgroupDriver {

    RunCgroup create(String name, SandboxLimits limits) throws IOException;

    /** Kills and removes the cgroups a platform process that is gone left behind (after a crash). */
    void removeStale();

    /** Removes this process's own folder of run cgroups once no run of it is left. */
    void removeOwn();

    /** e.g. "cgroup v1 (memory, cpu, pids) under /sys/fs/cgroup/memory/…", for logs and errors. */
    String describe();
}
