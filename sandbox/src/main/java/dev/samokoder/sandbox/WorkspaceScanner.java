package dev.samokoder.sandbox;

import dev.samokoder.core.domain.WorkspacePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Walks a workspace the command has written to. It never follows a symbolic link and opens files
 * with O_NOFOLLOW, so a link the command planted cannot make the platform read a file outside the
 * workspace; links and special files are reported, not read.
 */
public final class WorkspaceScanner {

    private WorkspaceScanner() {
    }

    static WorkspaceScan scan(Path root) {
        SortedMap<String, ScannedFile> files = new TreeMap<>();
        List<String> unstorable = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    String path = relative(root, file);
                    if (attributes.isRegularFile() && WorkspacePath.problem(path) == null) {
                        files.put(path, new ScannedFile(path, file, attributes.size(), executable(file)));
                    } else {
                        unstorable.add(path);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    unstorable.add(relative(root, file)); // e.g. a folder the command made unreadable
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the workspace " + root, e);
        }
        unstorable.sort(null);
        return new WorkspaceScan(files, unstorable);
    }

    /** The manifest a folder would have: every regular file hashed (links and special files left out). */
    public static SnapshotManifest manifestOf(Path root) {
        SortedMap<String, ManifestEntry> entries = new TreeMap<>();
        scan(root).files().forEach((path, file) -> entries.put(path, new ManifestEntry(sha256(file.file()), file.size(), file.executable())));
        return new SnapshotManifest(entries);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static boolean executable(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        return permissions.contains(PosixFilePermission.OWNER_EXECUTE);
    }

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    }
}
