package dev.samokoder.local.sandbox.cgroup;

/** The resource limits of one local sandbox run, enforced by its cgroup. */
public record SandboxLimits(long memoryBytes, int cpuMillicores, int maxProcesses) {

    /** CFS period: quotas are expressed per 100 ms, the kernel's default. */
    static final long CPU_PERIOD_MICROS = 100_000;

    public SandboxLimits {
        if (memoryBytes < 16L * 1024 * 1024 || cpuMillicores < 10 || maxProcesses < 8) {
            throw new IllegalArgumentException("sandbox limits too small to start anything: " + memoryBytes + " bytes, "
                    + cpuMillicores + " millicores, " + maxProcesses + " processes");
        }
    }

    public static SandboxLimits ofMegabytes(int memoryMb, int cpuMillicores, int maxProcesses) {
        return new SandboxLimits(memoryMb * 1024L * 1024, cpuMillicores, maxProcesses);
    }

    long cpuQuotaMicros() {
        return CPU_PERIOD_MICROS * cpuMillicores / 1000;
    }
}
