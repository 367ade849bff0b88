package dev.samokoder.local.sandbox;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What of the host's file system the sandbox sees, read-only: {@code /usr}, the top-level
 * {@code /bin}, {@code /lib}… folders (symbolic links into /usr on merged-/usr systems, real
 * folders on older ones), and a few harmless files of {@code /etc} that programs need to start.
 * It never sees the host's name resolution: the egress proxy resolves names for installs.
 */
record HostLayout(List<String> usrLinks, List<String> topLevelFolders, List<String> etcFiles) {

    private static final List<String> TOP_LEVEL = List.of("bin", "sbin", "lib", "lib32", "lib64", "libx32");
    private static final List<String> ETC = List.of("alternatives", "ld.so.cache", "ssl", "ca-certificates", "localtime", "mime.types");

    /** Reads this machine's layout. Entries are "name" or, for links, "name→target". */
    static HostLayout ofThisMachine() {
        List<String> links = new ArrayList<>();
        List<String> folders = new ArrayList<>();
        for (String name : TOP_LEVEL) {
            Path path = Path.of("/", name);
            try {
                if (Files.isSymbolicLink(path)) {
                    links.add(name + "→" + Files.readSymbolicLink(path));
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(name);
                }
            } catch (java.io.IOException e) {
                // an unreadable entry is simply not shown to the sandbox
            }
        }
        return new HostLayout(links, folders, existing(ETC));
    }

    private static List<String> existing(List<String> names) {
        return names.stream().filter(name -> Files.exists(Path.of("/etc", name))).toList();
    }
}
