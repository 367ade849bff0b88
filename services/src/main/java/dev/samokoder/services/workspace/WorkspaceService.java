package dev.samokoder.services.workspace;

import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.domain.FileEntry;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.storage.FileIndexRepository;
import dev.samokoder.core.storage.Page;
import dev.samokoder.sandbox.KeepRules;
import dev.samokoder.sandbox.SnapshotStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * A project's files as the API shows them: the tree, one file's content, and the whole workspace
 * as a zip. The caller has already checked that the user owns the project.
 */
public final class WorkspaceService {

    /** Most entries a tree listing returns; the rest is reported as truncated. */
    public static final int MAX_TREE_ENTRIES = 10_000;
    static final long MAX_EXPORT_BYTES = 256L * 1024 * 1024;
    private static final int PAGE = 100;

    /** The tree, and whether it was cut at {@link #MAX_TREE_ENTRIES}. */
    public record Tree(List<FileEntry> files, boolean truncated) {
    }

    private final FileIndexRepository files;
    private final BlobStore blobs;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Duration urlTtl;
    private final Clock clock;
    private final SnapshotDiffs diffs;

    public WorkspaceService(FileIndexRepository files, BlobStore blobs, S3Client s3, S3Presigner presigner,
                            String bucket, Duration urlTtl, Clock clock) {
        this.files = files;
        this.blobs = blobs;
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.urlTtl = urlTtl;
        this.clock = clock;
        this.diffs = new SnapshotDiffs(new SnapshotStore(s3, bucket), blobs);
    }

    /** What changed between two of the project's snapshots (see {@link SnapshotDiffs#diff}). */
    public SnapshotDiffs.Listing diff(String projectId, String fromKey, String toKey) {
        return diffs.diff(projectId, fromKey, toKey);
    }

    /** One path's versions in two of the project's snapshots (see {@link SnapshotDiffs#file}). */
    public SnapshotDiffs.FileVersions diffFile(String projectId, String fromKey, String toKey, WorkspacePath path) {
        return diffs.file(projectId, fromKey, toKey, path);
    }

    public Tree tree(String projectId) {
        List<FileEntry> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<FileEntry> page = files.list(projectId, PAGE, cursor);
            for (FileEntry entry : page.items()) {
                if (all.size() == MAX_TREE_ENTRIES) {
                    return new Tree(all, true);
                }
                all.add(entry);
            }
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        return new Tree(all, false);
    }

    /** The file's entry and verified content, if the path has a file. */
    public Optional<FileContent> read(String projectId, WorkspacePath path) {
        return files.get(projectId, path).map(entry -> new FileContent(entry, blobs.get(entry.blob().sha256())));
    }

    public record FileContent(FileEntry entry, byte[] content) {
    }

    /**
     * Zips every file but what the default keep rules drop (build output, dependency folders, caches: an
     * export is the app's source, as its developers would commit it; paths as stored, which cannot leave the
     * archive's root), uploads the zip
     * under {@code exports/<projectId>/} and returns a presigned GET link valid for the configured time.
     */
    public Export export(String projectId) {
        return export(projectId, tree(projectId));
    }

    /** {@link #export(String)} of a tree already listed (by {@link #tree}); refused when the listing was cut short. */
    public Export export(String projectId, Tree tree) {
        List<FileEntry> files = tree.files().stream().filter(entry -> KeepRules.DEFAULTS.keeps(entry.path().value())).toList();
        long total = files.stream().mapToLong(entry -> entry.blob().size()).sum();
        if (total > MAX_EXPORT_BYTES || tree.truncated()) {
            throw new ExportTooLargeException(total, MAX_EXPORT_BYTES);
        }
        Path zip = null;
        try {
            zip = Files.createTempFile("samokoder-export-", ".zip");
            try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream archive = new ZipOutputStream(out)) {
                for (FileEntry entry : files) {
                    ZipEntry zipEntry = new ZipEntry(entry.path().value());
                    zipEntry.setTime(entry.updatedAt().toEpochMilli());
                    archive.putNextEntry(zipEntry);
                    archive.write(blobs.get(entry.blob().sha256()));
                    archive.closeEntry();
                }
            }
            long size = Files.size(zip);
            String key = "exports/" + projectId + "/" + UUID.randomUUID() + ".zip";
            Path upload = zip;
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/zip")
                    .contentDisposition("attachment; filename=\"" + projectId + ".zip\""), RequestBody.fromFile(upload));
            Instant expiresAt = clock.instant().plus(urlTtl);
            var presigned = presigner.presignGetObject(r -> r.signatureDuration(urlTtl)
                    .getObjectRequest(g -> g.bucket(bucket).key(key)));
            return new Export(presigned.url(), expiresAt, size, files.size());
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the export zip", e);
        } finally {
            if (zip != null) {
                try {
                    Files.deleteIfExists(zip);
                } catch (IOException ignored) {
                    // a temp file; the OS cleans up what we could not
                }
            }
        }
    }
}
