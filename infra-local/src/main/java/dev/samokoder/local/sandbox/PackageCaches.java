package dev.samokoder.local.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One package cache per project for the installs of its executions ({@code <sandbox root>/package-cache/<hash of the
 * project id>}): npm's, pip's, yarn's and pnpm's caches live there, so a second execution installs from it without
 * asking the registries again (npm with {@code prefer-offline}). A project's cache is written only by its own
 * installs, never shared with another project (a poisoned package stays in the project that fetched it); it belongs
 * to the sandbox's uid and lives until the folder is removed.
 */
final class PackageCaches {

    /** Where the sandbox sees its project's cache, and the variables that point the package managers at it. */
    static final String MOUNT = "/cache";

    private final Path root;
    private final SandboxIdentity identity;

    PackageCaches(Path root, SandboxIdentity identity) {
        this.root = root.resolve("package-cache");
        this.identity = identity;
    }

    /** The cache folder of {@code key} (a project's id), made on first use, owned by the sandbox's uid. */
    Path of(String key) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(root);
        }
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x")); // bwrap, as the sandbox's uid, passes
        Path cache = root.resolve(hash(key));
        if (!Files.isDirectory(cache, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(cache);
            Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
            if (identity.dropFromRoot()) {
                Files.setAttribute(cache, "unix:uid", identity.uid(), LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(cache, "unix:gid", identity.gid(), LinkOption.NOFOLLOW_LINKS);
            }
        }
        return cache;
    }

    /** A name that is a plain folder name whatever the key is ('..' included). */
    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
