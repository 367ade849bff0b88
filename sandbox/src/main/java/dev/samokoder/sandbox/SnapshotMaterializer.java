package dev.samokoder.sandbox;

import dev.samokoder.core.blob.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Writes a snapshot's files into an empty folder: folders first, then each distinct blob fetched
 * once (in parallel) and written to every path that holds it. Files are created, never opened
 * if they exist, so nothing outside the folder can be written through a link.
 */
public final class SnapshotMaterializer {

    static final int PARALLEL_FETCHES = 16;

    private final BlobStore blobs;

    public SnapshotMaterializer(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** How many blobs are fetched at once. */
    public static int parallelFetches() {
        return PARALLEL_FETCHES;
    }

    public void materialize(SnapshotManifest manifest, Path root) {
        try (var existing = Files.list(root)) {
            if (existing.findAny().isPresent()) {
                throw new IllegalArgumentException("a snapshot is materialized into an empty folder; " + root + " is not");
            }
            TreeSet<String> folders = new TreeSet<>();
            for (String path : manifest.files().keySet()) {
                for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                    folders.add(path.substring(0, slash));
                }
            }
            for (String folder : folders) {
                Files.createDirectories(root.resolve(folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the workspace " + root, e);
        }
        Map<String, List<Map.Entry<String, ManifestEntry>>> byBlob = manifest.files().entrySet().stream()
                .collect(Collectors.groupingBy(entry -> entry.getValue().sha256()));
        ParallelIo.forEach(byBlob.entrySet(), PARALLEL_FETCHES, blob -> {
            byte[] content = blobs.get(blob.getKey());
            for (Map.Entry<String, ManifestEntry> file : blob.getValue()) {
                write(root.resolve(file.getKey()), content, file.getValue().executable());
            }
        });
    }

    private static void write(Path file, byte[] content, boolean executable) {
        try {
            Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
