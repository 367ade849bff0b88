package dev.samokoder.local.sandbox.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A cgroup file system as {@code /proc/self/mountinfo} lists it.
 *
 * @param root the folder of the hierarchy this mount shows (not "/" inside some containers)
 * @param controllers for v1, the controllers of this hierarchy; empty for v2
 */
record CgroupMount(boolean v2, String root, Path mountPoint, Set<String> controllers) {

    /** The cgroup mounts among the lines of a mountinfo file. */
    static List<CgroupMount> parse(String mountinfo) {
        List<CgroupMount> mounts = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            int separator = line.indexOf(" - ");
            if (separator < 0) {
                continue;
            }
            String[] before = line.substring(0, separator).split(" ");
            String[] after = line.substring(separator + 3).split(" ");
            if (before.length < 5 || after.length < 3) {
                continue;
            }
            String type = after[0];
            if (type.equals("cgroup2")) {
                mounts.add(new CgroupMount(true, unescape(before[3]), Path.of(unescape(before[4])), Set.of()));
            } else if (type.equals("cgroup")) {
                mounts.add(new CgroupMount(false, unescape(before[3]), Path.of(unescape(before[4])), Set.of(after[2].split(","))));
            }
        }
        return mounts;
    }

    /** The folder of a cgroup path (as /proc/self/cgroup gives it) inside this mount. */
    Path folderOf(String cgroupPath) {
        String path = cgroupPath;
        if (!root.equals("/") && path.startsWith(root)) {
            path = path.substring(root.length());
        } else if (!root.equals("/") || path.startsWith("/..")) {
            return mountPoint; // our cgroup is outside what this mount shows: use the top we can see
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return relative.isEmpty() ? mountPoint : mountPoint.resolve(relative);
    }

    /** mountinfo escapes space, tab, newline and backslash as three octal digits. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 3 < field.length()) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
