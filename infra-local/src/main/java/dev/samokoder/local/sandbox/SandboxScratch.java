package dev.samokoder.local.sandbox;

import dev.samokoder.sandbox.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where local sandbox runs get their folders: {@code <root>/<platform pid>-<n>/<run>/workspace}
 * ({@code n} tells apart the sandboxes of one process, e.g. in tests), each removed when its run
 * ends, and folders of platform processes that are gone removed at start.
 * Folders on the way are 0711 (the sandbox's unprivileged uid must pass through them to reach its
 * workspace, but may not list them); a workspace is 0700 and belongs to the sandbox.
 */
final class SandboxScratch {

    /** One run's folder and the workspace inside it. */
    record RunFolder(Path folder, Path workspace) {
    }

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final Path platform;

    private SandboxScratch(Path platform) {
        this.platform = platform;
    }

    /** The folder every sandbox of this user works under: the configured one, else one in the temp folder. */
    static Path root(Optional<Path> configured) {
        // one default folder per user: a folder another user made first is refused when opened
        return configured.orElse(Path.of(System.getProperty("java.io.tmpdir"), "samokoder-sandbox-" + ProcStatus.value("Uid")))
                .toAbsolutePath();
    }

    static SandboxScratch open(Optional<Path> configured) {
        Path root = root(configured);
        try {
            makeTraversable(root);
            requireOwnFolder(root);
            try (var entries = Files.list(root)) {
                for (Path stale : entries.filter(SandboxScratch::ownerGone).toList()) {
                    deleteTree(stale);
                }
            }
            Path platform = root.resolve(ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet());
            makeTraversable(platform);
            return new SandboxScratch(platform);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sandbox folder " + root, e);
        }
    }

    RunFolder create(String id) {
        try {
            Path folder = platform.resolve(id);
            Files.createDirectory(folder);
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
            Path workspace = Files.createDirectory(folder.resolve("workspace"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return new RunFolder(folder, workspace);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a sandbox folder for " + id, e);
        }
    }

    void delete(RunFolder run) {
        deleteTree(run.folder());
    }

    /** Removes this sandbox's folder (every run has ended). */
    void close() {
        deleteTree(platform);
    }

    /**
     * Deletes a tree without following links. A command may have left folders without permissions;
     * they are opened up first (as root that is not needed, as another user it is).
     */
    static void deleteTree(Path tree) {
        try {
            FileTrees.delete(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the sandbox folder " + tree, e);
        }
    }

    private static void makeTraversable(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder);
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx--x--x"));
    }

    /** A folder in a shared temp folder could have been made by someone else, or be a link: refuse both. */
    private static void requireOwnFolder(Path root) throws IOException {
        int owner = (int) Files.getAttribute(root, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        if (Files.isSymbolicLink(root) || owner != ProcStatus.value("Uid")) {
            throw new IOException(root + " is a link or belongs to another user; remove it or set SAMOKODER_SANDBOX_DIR");
        }
    }

    private static boolean ownerGone(Path folder) {
        String name = folder.getFileName().toString();
        try {
            long pid = Long.parseLong(name.contains("-") ? name.substring(0, name.indexOf('-')) : name);
            return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
