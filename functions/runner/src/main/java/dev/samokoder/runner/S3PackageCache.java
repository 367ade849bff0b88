package dev.samokoder.runner;

import dev.samokoder.core.config.SamokoderConfig.Sandbox.PackageCacheLimits;
import dev.samokoder.sandbox.FileTrees;
import dev.samokoder.sandbox.PackageCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The package cache of an execution's install on AWS, where every task starts empty: one zip archive per project and
 * lockfiles in S3, {@code package-cache/<hash of the project id>/<hash of the lockfiles>.zip}. Before the install the
 * archive of the lockfiles in the workspace is unpacked into a folder of the task (outside the workspace) that npm,
 * pnpm, Yarn and pip are pointed at; after an install that succeeded the folder is archived under the lockfiles as
 * the install left them (a first {@code npm install} writes its lockfile), unless that archive was the one restored
 * or is already there. No lockfile, no cache: nothing would find the archive again.
 *
 * <p>The archives are made by the installs of generated code, so {@link PackageArchive} bounds and checks them both
 * ways; an archive that is missing, corrupt or refused means an install without it, never a failed run (it is
 * logged, and the install's archive then replaces it). A project's archives are only ever restored into its own
 * executions.
 */
final class S3PackageCache implements PackageCache {

    static final String PREFIX = "package-cache/";
    private static final Logger log = LoggerFactory.getLogger(S3PackageCache.class);

    private final S3Client s3;
    private final String bucket;
    private final Path root;
    private final PackageCacheLimits limits;
    private final PackageArchive archives;

    /** @param root where the task keeps cache folders and archives while it runs, outside the workspace */
    S3PackageCache(S3Client s3, String bucket, Path root, PackageCacheLimits limits) {
        this.s3 = s3;
        this.bucket = bucket;
        this.root = root;
        this.limits = limits;
        this.archives = new PackageArchive(limits);
    }

    /** The archive of a project's cache for a set of lockfiles; the project's id is hashed, so any id is one plain folder. */
    static String key(String projectId, String lockfilesHash) {
        return PREFIX + HexFormat.of().formatHex(sha256(projectId.getBytes(StandardCharsets.UTF_8)), 0, 16) + "/" + lockfilesHash + ".zip";
    }

    @Override
    public Restored restore(String projectId, Path workspace) {
        Path folder;
        try {
            Files.createDirectories(root);
            folder = Files.createTempDirectory(root, "cache-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            log.warn("no package cache for project {}: no folder for it under {}: {}", projectId, root, e.toString());
            return Restored.NOTHING;
        }
        Optional<String> lockfiles;
        try {
            lockfiles = Lockfiles.hash(workspace);
        } catch (IOException e) {
            log.warn("the lockfiles of project {} could not be read, its install starts with an empty package cache: {}", projectId,
                    e.toString());
            lockfiles = Optional.empty();
        }
        if (lockfiles.isEmpty()) {
            log.info("project {} has no lockfile yet: its install starts with an empty package cache", projectId);
            return new S3Restored(projectId, workspace, folder, null, Found.NOTHING);
        }
        String key = key(projectId, lockfiles.get());
        Found found = download(key, folder);
        if (found == Found.UNUSABLE && !emptied(folder)) {
            deleteTree(folder);
            return Restored.NOTHING;
        }
        return new S3Restored(projectId, workspace, folder, key, found);
    }

    /** What became of the archive of the lockfiles the workspace had before the install. */
    private enum Found {
        /** no lockfile, so no archive to look for */
        NOTHING,
        /** not in S3 */
        MISSING,
        /** in S3 but not restored (corrupt, refused, or unreadable) */
        UNUSABLE,
        RESTORED
    }

    private Found download(String key, Path folder) {
        long started = System.nanoTime();
        try (ResponseInputStream<GetObjectResponse> archive = s3.getObject(r -> r.bucket(bucket).key(key))) {
            Long size = archive.response().contentLength();
            if (size != null && size > limits.maxArchiveBytes()) {
                archive.abort(); // not read to its end
                throw new PackageArchive.RefusedException("the archive is " + size + " bytes, over " + limits.maxArchiveBytes());
            }
            PackageArchive.Counts counts;
            try {
                counts = archives.unpack(archive, folder);
            } catch (IOException e) {
                archive.abort(); // the rest is not read
                throw e;
            }
            if (counts.entries() == 0) {
                throw new PackageArchive.RefusedException("it holds nothing (a cache is not saved empty)");
            }
            log.info("package cache {} restored: {} files and folders, {} bytes from {} in {} ms", key, counts.entries(), counts.bytes(),
                    counts.archive(), millisSince(started));
            return Found.RESTORED;
        } catch (NoSuchKeyException e) {
            log.info("package cache {} is not in S3 yet: the install starts with an empty cache", key);
            return Found.MISSING;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                log.info("package cache {} is not in S3 yet: the install starts with an empty cache", key);
                return Found.MISSING;
            }
            log.warn("package cache {} could not be read, the install starts with an empty cache: {}", key, e.getMessage());
        } catch (IOException | SdkException | UncheckedIOException e) {
            log.warn("package cache {} is not used, the install starts with an empty cache: {}", key, e.getMessage());
        }
        return Found.UNUSABLE;
    }

    private final class S3Restored implements Restored {

        private final String projectId;
        private final Path workspace;
        private final Path folder;
        private final String restoredKey;
        private final Found found;

        S3Restored(String projectId, Path workspace, Path folder, String restoredKey, Found found) {
            this.projectId = projectId;
            this.workspace = workspace;
            this.folder = folder;
            this.restoredKey = restoredKey;
            this.found = found;
        }

        @Override
        public Map<String, String> environment() {
            return PackageCache.environment(folder.toString());
        }

        @Override
        public void save() {
            Optional<String> lockfiles;
            try {
                lockfiles = Lockfiles.hash(workspace);
            } catch (IOException e) {
                log.warn("package cache of project {} not saved: its lockfiles could not be read: {}", projectId, e.toString());
                return;
            }
            if (lockfiles.isEmpty()) {
                log.info("package cache of project {} not saved: the install left no lockfile to find it by", projectId);
                return;
            }
            String key = key(projectId, lockfiles.get());
            if (key.equals(restoredKey) && found == Found.RESTORED) {
                log.info("package cache {} not saved again: the install ran from it and its lockfiles did not change", key);
                return;
            }
            // the key just found missing or unusable is replaced; any other may have been saved by another execution
            if (!key.equals(restoredKey) && exists(key)) {
                log.info("package cache {} not saved: it is already in S3", key);
                return;
            }
            upload(key);
        }

        private void upload(String key) {
            long started = System.nanoTime();
            Path archive = null;
            try {
                archive = Files.createTempFile(root, "archive-", ".zip");
                Files.delete(archive); // packing creates it anew, refusing to follow anything at that name
                PackageArchive.Counts counts = archives.pack(folder, archive);
                if (counts.entries() == 0) {
                    log.info("package cache of project {} not saved: the install put nothing in it", projectId);
                    return;
                }
                s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/zip").contentLength(counts.archive()),
                        RequestBody.fromFile(archive));
                log.info("package cache {} saved: {} files and folders, {} bytes as {} (links and other files left out: {}) in {} ms", key,
                        counts.entries(), counts.bytes(), counts.archive(), counts.skipped(), millisSince(started));
            } catch (PackageArchive.OverLimitException e) {
                log.warn("package cache {} not saved: {} (SAMOKODER_SANDBOX_PACKAGE_CACHE_MAX_*)", key, e.getMessage());
            } catch (IOException | SdkException | UncheckedIOException e) {
                log.warn("package cache {} not saved: {}", key, e.toString());
            } finally {
                deleteQuietly(archive);
            }
        }

        /** Whether the archive is in S3; when S3 cannot say, the upload tries (and fails, logged, if S3 is away). */
        private boolean exists(String key) {
            try {
                s3.headObject(r -> r.bucket(bucket).key(key));
                return true;
            } catch (NoSuchKeyException e) {
                return false;
            } catch (SdkException e) {
                if (!(e instanceof S3Exception s3e && s3e.statusCode() == 404)) {
                    log.warn("could not ask whether package cache {} is in S3: {}", key, e.getMessage());
                }
                return false;
            }
        }

        @Override
        public void close() {
            deleteTree(folder);
        }
    }

    /** Whatever an unusable archive left in the folder is removed; false if that failed (the install then has no cache). */
    private static boolean emptied(Path folder) {
        try (var entries = Files.list(folder)) {
            entries.forEach(S3PackageCache::deleteTree);
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not empty the package cache folder {}: {}", folder, e.toString());
            return false;
        }
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes a tree without following links (a link is removed, not what it points at), folders an install made
     * read-only included.
     */
    private static void deleteTree(Path path) {
        try {
            FileTrees.delete(path);
        } catch (IOException e) {
            log.warn("could not delete the package cache folder {}: {}", path, e.toString());
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("could not delete {}: {}", file, e.toString());
            }
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
