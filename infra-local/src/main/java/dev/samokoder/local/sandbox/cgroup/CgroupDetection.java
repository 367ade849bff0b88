package dev.samokoder.local.sandbox.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a cgroup hierarchy that can limit memory, CPU and processes: v2 when its controllers are
 * there (most current systems), else v1 (older systems, and some VMs and CI machines). The answer
 * is a driver ready to make run cgroups, or an error that says what is missing and how to fix it.
 */
public final class CgroupDetection {

    static final Set<String> NEEDED = Set.of("memory", "cpu", "pids");
    static final String BASE = "samokoder-sandbox";

    private CgroupDetection() {
    }

    /** Detects from this process's /proc. */
    public static CgroupDriver detect(Optional<Path> delegated) throws CgroupUnavailableException {
        try {
            return detect(Files.readString(Path.of("/proc/self/mountinfo")), Files.readString(Path.of("/proc/self/cgroup")), delegated);
        } catch (IOException e) {
            throw new CgroupUnavailableException("cannot read /proc/self/mountinfo or /proc/self/cgroup: " + e.getMessage());
        }
    }

    static CgroupDriver detect(String mountinfo, String ownCgroups, Optional<Path> delegated) throws CgroupUnavailableException {
        List<CgroupMount> mounts = CgroupMount.parse(mountinfo);
        Map<String, String> ownPaths = ownPaths(ownCgroups);
        Optional<CgroupMount> v2 = mounts.stream().filter(CgroupMount::v2).findFirst();
        if (delegated.isPresent()) {
            return v2Driver(delegated.get(), false);
        }
        if (v2.isPresent() && controllers(v2.get().mountPoint()).containsAll(NEEDED)) {
            return v2Driver(v2.get().mountPoint().resolve(BASE), true);
        }
        Map<String, Path> v1Bases = new HashMap<>();
        for (String controller : NEEDED) {
            mounts.stream().filter(m -> !m.v2() && m.controllers().contains(controller)).findFirst().ifPresent(mount ->
                    v1Bases.put(controller, mount.folderOf(ownPaths.getOrDefault(controller, "/")).resolve(BASE)));
        }
        if (v1Bases.keySet().containsAll(NEEDED)) {
            CgroupV1 driver = new CgroupV1(v1Bases.get("memory"), v1Bases.get("cpu"), v1Bases.get("pids"));
            for (Path base : v1Bases.values()) {
                requireWritable(base);
            }
            return driver;
        }
        throw new CgroupUnavailableException("no cgroup hierarchy with the memory, cpu and pids controllers is mounted "
                + "(cgroup v2: " + v2.map(m -> m.mountPoint() + " has " + controllers(m.mountPoint())).orElse("not mounted")
                + "; cgroup v1: " + v1Bases.keySet() + "). The local sandbox needs them to limit generated code. On "
                + "Debian/Ubuntu without systemd, install the package cgroupfs-mount (apt-get install cgroupfs-mount); "
                + "with systemd, boot with the unified hierarchy (the default since Debian 11 and Ubuntu 21.10)");
    }

    private static CgroupDriver v2Driver(Path base, boolean topLevel) throws CgroupUnavailableException {
        try {
            if (topLevel) {
                CgroupFiles.write(base.getParent().resolve("cgroup.subtree_control"), CgroupV2.CONTROLLERS);
            }
            CgroupV2 driver = new CgroupV2(base);
            driver.prepare();
            return driver;
        } catch (IOException e) {
            throw new CgroupUnavailableException("cannot make sandbox cgroups in " + base + " (" + e + "). On cgroup v2 "
                    + "either run the platform as root, or give it a delegated cgroup and name it in SAMOKODER_SANDBOX_CGROUP "
                    + "(see docs/sandbox.md)");
        }
    }

    private static void requireWritable(Path base) throws CgroupUnavailableException {
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new CgroupUnavailableException("cannot make sandbox cgroups in " + base + " (" + e
                    + "): on cgroup v1 the platform must run as root, or own its cgroups");
        }
    }

    private static Set<String> controllers(Path v2Folder) {
        String text = CgroupFiles.read(v2Folder.resolve("cgroup.controllers")).trim();
        return text.isEmpty() ? Set.of() : Set.of(text.split("\\s+"));
    }

    /** controller → this process's cgroup path in its hierarchy, from /proc/self/cgroup. */
    private static Map<String, String> ownPaths(String ownCgroups) {
        Map<String, String> paths = new HashMap<>();
        for (String line : ownCgroups.split("\n")) {
            String[] parts = line.split(":", 3);
            if (parts.length == 3 && !parts[1].isEmpty()) {
                for (String controller : parts[1].split(",")) {
                    paths.put(controller, parts[2]);
                }
            }
        }
        return paths;
    }
}
