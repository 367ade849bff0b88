package dev.samokoder.local.sandbox.cgroup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Reading and writing cgroup control files, and the kill-until-empty loop both versions share. */
final class CgroupFiles {

    private static final Duration KILL_PATIENCE = Duration.ofSeconds(10);
    private static final Duration REMOVE_PATIENCE = Duration.ofSeconds(5);

    private CgroupFiles() {
    }

    static void write(Path file, String value) throws IOException {
        // no truncate: control files take one write each. CREATE is a no-op on an existing control
        // file (and the kernel refuses to create a missing one), and lets tests use a plain folder.
        Files.writeString(file, value, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The value of {@code key} in a flat-keyed file such as memory.events ("oom_kill 1"), or 0. */
    static long keyedValue(Path file, String key) {
        for (String line : read(file).split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2 && parts[0].equals(key)) {
                return Long.parseLong(parts[1]);
            }
        }
        return 0;
    }

    static List<Long> processes(Path cgroupProcs) {
        List<Long> pids = new ArrayList<>();
        for (String line : read(cgroupProcs).split("\n")) {
            if (!line.isBlank()) {
                pids.add(Long.parseLong(line.trim()));
            }
        }
        return pids;
    }

    /**
     * SIGKILLs every process listed until none is left. A fork bomb cannot outrun it for long: the
     * process limit caps how many it can make, and every pass kills all of them.
     */
    static void killUntilEmpty(Path cgroupProcs) {
        long deadline = System.nanoTime() + KILL_PATIENCE.toNanos();
        int waited = 0;
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> alive = processes(cgroupProcs).stream()
                    .flatMap(pid -> ProcessHandle.of(pid).stream()).filter(ProcessHandle::isAlive).toList();
            if (alive.isEmpty()) {
                return;
            }
            alive.forEach(ProcessHandle::destroyForcibly);
            pause(waited++);
        }
    }

    /** rmdir, retried while the last processes finish exiting (the kernel refuses with EBUSY until then). */
    static void removeDirectory(Path cgroup) {
        long deadline = System.nanoTime() + REMOVE_PATIENCE.toNanos();
        int waited = 0;
        while (true) {
            try {
                Files.deleteIfExists(cgroup);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new UncheckedIOException("cannot remove the cgroup " + cgroup, e);
                }
                pause(waited++);
            }
        }
    }

    /** The child cgroups of a folder (control files are plain files, children are folders). */
    static List<Path> children(Path cgroup) {
        if (!Files.isDirectory(cgroup)) {
            return List.of();
        }
        try (var entries = Files.list(cgroup)) {
            return entries.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + cgroup, e);
        }
    }

    /** Whether the folder is named after a process of this machine that still runs. */
    static boolean ownerAlive(Path folder) {
        try {
            return ProcessHandle.of(Long.parseLong(folder.getFileName().toString())).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * Waits before the next look: 1 ms, then 2, 4, 8 and 16, then 20 ms a time. A sandbox's last processes are usually
     * gone within a millisecond or two of its end, and a command's end waits for this: a fixed 20 ms was the most of
     * a short command's sandbox overhead whenever it was needed.
     */
    private static void pause(int waited) {
        try {
            Thread.sleep(Math.min(20, 1L << Math.min(waited, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
