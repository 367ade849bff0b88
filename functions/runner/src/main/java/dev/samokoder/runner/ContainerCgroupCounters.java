package dev.samokoder.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The container's own cgroup counters, read from inside it: how many processes the kernel has
 * killed for memory, and how many forks it refused. The task's memory limit is the container's,
 * so an OOM kill of the command shows here (cgroup v2 first, v1 as on older platform versions).
 */
final class ContainerCgroupCounters {

    private final Path oomCounter;
    private final String oomKey;
    private final Path pidsEvents;

    ContainerCgroupCounters(Path oomCounter, String oomKey, Path pidsEvents) {
        this.oomCounter = oomCounter;
        this.oomKey = oomKey;
        this.pidsEvents = pidsEvents;
    }

    static ContainerCgroupCounters ofThisContainer() {
        Path v2 = Path.of("/sys/fs/cgroup/memory.events");
        if (Files.exists(v2)) {
            return new ContainerCgroupCounters(v2, "oom_kill", Path.of("/sys/fs/cgroup/pids.events"));
        }
        return new ContainerCgroupCounters(Path.of("/sys/fs/cgroup/memory/memory.oom_control"), "oom_kill",
                Path.of("/sys/fs/cgroup/pids/pids.events"));
    }

    long oomKills() {
        return value(oomCounter, oomKey);
    }

    long refusedForks() {
        return value(pidsEvents, "max");
    }

    /** A counter the container cannot read counts as zero: the limit then goes unreported, not wrongly reported. */
    private static long value(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals(key)) {
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
