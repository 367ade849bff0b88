package dev.samokoder.runner;

import dev.samokoder.core.config.SamokoderConfig.Sandbox.PackageCacheLimits;
import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import dev.samokoder.sandbox.PackageCache;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Fargate runner's package cache against the embedded S3: what a first install fetched is saved under the
 * lockfiles it left, the next execution with those lockfiles installs from it, and archives that are crafted,
 * corrupt or too large are not used (nor made).
 */
@ExtendWith(LocalAwsExtension.class)
class S3PackageCacheIT {

    private static final PackageCacheLimits DEFAULT_LIMITS = new PackageCacheLimits(512L << 20, 1L << 30, 200_000);
    private static final String LOCKFILE = "{\"name\":\"app\",\"lockfileVersion\":3,\"packages\":{}}\n";

    @TempDir
    Path temp;

    private LocalAws aws;
    private String bucket;
    private String project;

    @BeforeEach
    void setUp(LocalAws localAws) {
        aws = localAws;
        bucket = aws.config().aws().bucketName();
        project = Ids.newId("prj");
    }

    private S3PackageCache cache(PackageCacheLimits limits) {
        return new S3PackageCache(aws.clients().s3(), bucket, temp.resolve("task-tmp"), limits);
    }

    private Path workspace(String name, Map<String, String> files) throws IOException {
        Path workspace = Files.createDirectories(temp.resolve(name));
        for (var file : files.entrySet()) {
            Files.writeString(workspace.resolve(file.getKey()), file.getValue());
        }
        return workspace;
    }

    /** The cache folder the install was pointed at. */
    private static Path folder(PackageCache.Restored restored) {
        return Path.of(restored.environment().get("npm_config_cache")).getParent();
    }

    private String keyOf(Path workspace) throws IOException {
        return S3PackageCache.key(project, Lockfiles.hash(workspace).orElseThrow());
    }

    private Optional<byte[]> object(String key) {
        try {
            return Optional.of(aws.clients().s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    private void putObject(String key, byte[] content) {
        aws.clients().s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content));
    }

    /** What a first {@code npm install} does: fills the cache and writes the lockfile. */
    private static void install(PackageCache.Restored restored, Path workspace) throws IOException {
        Path cache = folder(restored);
        Files.createDirectories(cache.resolve("npm/_cacache/content-v2"));
        Files.writeString(cache.resolve("npm/_cacache/content-v2/left-pad.tgz"), "left-pad 1.3.0");
        Files.createDirectories(cache.resolve("yarn/npm-esbuild/bin"));
        Path binary = Files.writeString(cache.resolve("yarn/npm-esbuild/bin/esbuild"), "#!/bin/sh\necho esbuild\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setLastModifiedTime(binary, FileTime.from(Instant.parse("2025-01-02T03:04:06Z")));
        Files.writeString(workspace.resolve("package-lock.json"), LOCKFILE);
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void theKeyIsTheHashedProjectAndTheLockfilesHash() throws IOException {
        // given
        Path workspace = workspace("ws", Map.of("package-lock.json", LOCKFILE, "requirements.txt", "flask==3.0.0\n"));

        // when
        String key = keyOf(workspace);

        // then
        assertThat(key).matches("package-cache/[0-9a-f]{32}/[0-9a-f]{64}\\.zip");
        assertThat(S3PackageCache.key("../../x", "0".repeat(64))).matches("package-cache/[0-9a-f]{32}/0{64}\\.zip");
        assertThat(key).isNotEqualTo(keyOf(workspace("other", Map.of("package-lock.json", LOCKFILE))));
    }

    @Test
    void withoutALockfileNothingIsRestored_andTheInstallsCacheIsSavedUnderTheLockfileItWrote() throws IOException {
        // given
        Path workspace = workspace("ws", Map.of("package.json", "{}"));

        // when
        String key;
        try (PackageCache.Restored restored = cache(DEFAULT_LIMITS).restore(project, workspace)) {
            assertThat(folder(restored)).isEmptyDirectory();
            assertThat(folder(restored).startsWith(workspace)).as("outside the workspace").isFalse();
            assertThat(restored.environment()).containsEntry("npm_config_prefer_offline", "true")
                    .containsKeys("npm_config_store_dir", "YARN_CACHE_FOLDER", "PIP_CACHE_DIR");
            install(restored, workspace);
            restored.save();
            key = keyOf(workspace);
        }

        // then
        assertThat(object(key)).isPresent();
        assertThat(temp.resolve("task-tmp")).isEmptyDirectory(); // the folder and the archive are gone
    }

    @Test
    void theNextExecutionWithThatLockfileRestoresIt_andDoesNotSaveItAgain() throws IOException {
        // given: a first execution saved its cache
        Path first = workspace("first", Map.of());
        try (PackageCache.Restored restored = cache(DEFAULT_LIMITS).restore(project, first)) {
            install(restored, first);
            restored.save();
        }
        String key = keyOf(first);

        // when: the next one, with the lockfile in its files
        Path next = workspace("next", Map.of("package-lock.json", LOCKFILE));
        try (PackageCache.Restored restored = cache(DEFAULT_LIMITS).restore(project, next)) {
            // then
            Path cache = folder(restored);
            assertThat(cache.resolve("npm/_cacache/content-v2/left-pad.tgz")).hasContent("left-pad 1.3.0");
            Path binary = cache.resolve("yarn/npm-esbuild/bin/esbuild");
            assertThat(binary).hasContent("#!/bin/sh\necho esbuild\n");
            assertThat(Files.isExecutable(binary)).isTrue();
            assertThat(Files.isExecutable(cache.resolve("npm/_cacache/content-v2/left-pad.tgz"))).isFalse();
            assertThat(Files.getLastModifiedTime(binary).toInstant()).isEqualTo(Instant.parse("2025-01-02T03:04:06Z"));

            aws.clients().s3().deleteObject(r -> r.bucket(bucket).key(key));
            restored.save();
        }
        assertThat(object(key)).as("not saved again").isEmpty();
    }

    @Test
    void aLockfileTheInstallChangedIsSavedUnderItsNewHash_unlessThatArchiveIsThere() throws IOException {
        // given
        Path first = workspace("first", Map.of());
        try (PackageCache.Restored restored = cache(DEFAULT_LIMITS).restore(project, first)) {
            install(restored, first);
            restored.save();
        }

        // when: the next install adds a package
        Path next = workspace("next", Map.of("package-lock.json", LOCKFILE));
        try (PackageCache.Restored restored = cache(DEFAULT_LIMITS).restore(project, next)) {
            Files.writeString(folder(restored).resolve("npm/_cacache/content-v2/is-odd.tgz"), "is-odd 3.0.1");
            Files.writeString(next.resolve("package-lock.json"), LOCKFILE.replace("{}", "{\"node_modules/is-odd\":{}}"));
            restored.save();
        }

        // then
        Path third = workspace("third", Map.of("package-lock.json", Files.readString(next.resolve("package-lock.json"))));
        try (PackageCache.Restored restored = cache(DEFAULT_LIMITS).restore(project, third)) {
            assertThat(folder(restored).resolve("npm/_cacache/content-v2/left-pad.tgz")).hasContent("left-pad 1.3.0");
            assertThat(folder(restored).resolve("npm/_cacache/content-v2/is-odd.tgz")).hasContent("is-odd 3.0.1");
        }

        // and an archive already there (another execution's) is not uploaded again
        Path fourth = workspace("fourth", Map.of());
        Path changed = workspace("changed", Map.of("package-lock.json", "{\"changed\":true}\n"));
        putObject(keyOf(changed), "another execution's".getBytes(StandardCharsets.UTF_8));
        try (PackageCache.Restored restored = cache(DEFAULT_LIMITS).restore(project, fourth)) {
            install(restored, fourth);
            Files.writeString(fourth.resolve("package-lock.json"), "{\"changed\":true}\n");
            restored.save();
        }
        assertThat(object(keyOf(changed))).hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("another execution's"));
    }

    @Test
    void anotherProjectDoesNotFindTheArchive() throws IOException {
        // given
        Path first = workspace("first", Map.of());
        try (PackageCache.Restored restored = cache(DEFAULT_LIMITS).restore(project, first)) {
            install(restored, first);
            restored.save();
        }

        // when
        Path other = workspace("other", Map.of("package-lock.json", LOCKFILE));
        try (PackageCache.Restored restored = cache(DEFAULT_LIMITS).restore(Ids.newId("prj"), other)) {
            // then
            assertThat(folder(restored)).isEmptyDirectory();
        }
    }

    @Test
    void anArchiveWithAnEntryLeavingTheCacheIsRefused_nothingIsWritten_andTheInstallsCacheReplacesIt() throws IOException {
        for (String escaping : new String[] {"../escaped.txt", "npm/../../escaped.txt", "/tmp/escaped.txt", "npm//x", "./x", "a\\..\\b"}) {
            // given
            Path workspace = workspace("ws-" + Math.abs(escaping.hashCode()), Map.of("package-lock.json", LOCKFILE));
            String key = keyOf(workspace);
            putObject(key, zip(Map.of("npm/ok.txt", "fine", escaping, "planted")));

            // when
            try (PackageCache.Restored restored = cache(DEFAULT_LIMITS).restore(project, workspace)) {
                // then
                assertThat(folder(restored)).as(escaping).isEmptyDirectory();
                assertThat(temp.resolve("task-tmp/escaped.txt")).doesNotExist();
                assertThat(temp.resolve("escaped.txt")).doesNotExist();

                // and the install's own cache replaces the refused archive
                install(restored, workspace);
                restored.save();
            }
            assertThat(new String(object(key).orElseThrow(), StandardCharsets.ISO_8859_1)).as(escaping).doesNotContain("planted")
                    .contains("left-pad.tgz");
        }
        assertThat(Path.of("/tmp/escaped.txt")).doesNotExist();
    }

    @Test
    void linksInTheCacheAreNotSaved_andALinkEntryInAnArchiveMakesNoLink() throws IOException {
        // given: the install left links to a secret outside the cache, to a file and to a folder
        Path secrets = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(secrets.resolve("secret.txt"), "the task's secret");
        Path first = workspace("first", Map.of());
        try (PackageCache.Restored restored = cache(DEFAULT_LIMITS).restore(project, first)) {
            install(restored, first);
            Files.createSymbolicLink(folder(restored).resolve("npm/secret-link"), secrets.resolve("secret.txt"));
            Files.createSymbolicLink(folder(restored).resolve("npm/folder-link"), secrets);
            restored.save();
        }

        // when
        String saved = new String(object(keyOf(first)).orElseThrow(), StandardCharsets.ISO_8859_1);

        // then
        assertThat(saved).doesNotContain("secret-link").doesNotContain("folder-link").doesNotContain("secret.txt")
                .contains("left-pad.tgz");

        // given: an archive another zip tool made, whose entry is a link (Unix mode 0120777 in the central directory)
        Path workspace = workspace("ws", Map.of("package-lock.json", "{\"other\":1}\n"));
        putObject(keyOf(workspace), asUnixLink(zip(Map.of("npm/link", secrets.resolve("secret.txt").toString())), "npm/link"));

        // when
        try (PackageCache.Restored restored = cache(DEFAULT_LIMITS).restore(project, workspace)) {
            // then: at most a file holding the link's target, never a link
            Path entry = folder(restored).resolve("npm/link");
            assertThat(Files.isSymbolicLink(entry)).isFalse();
            assertThat(entry).hasContent(secrets.resolve("secret.txt").toString());
        }
    }

    @Test
    void aCacheOverABoundIsNotSaved() throws IOException {
        for (PackageCacheLimits small : new PackageCacheLimits[] {new PackageCacheLimits(100, 1L << 30, 200_000),
                new PackageCacheLimits(512L << 20, 20, 200_000), new PackageCacheLimits(512L << 20, 1L << 30, 3)}) {
            // given
            Path workspace = workspace("ws-" + small.hashCode(), Map.of());
            String key;
            try (PackageCache.Restored restored = cache(small).restore(project, workspace)) {
                install(restored, workspace);

                // when
                restored.save();
                key = keyOf(workspace);
            }

            // then
            assertThat(object(key)).as("%s", small).isEmpty();
            assertThat(temp.resolve("task-tmp")).as("the partial archive is deleted").isEmptyDirectory();
        }
    }

    @Test
    void anArchiveOverABound_orCorrupt_isNotRestored() throws IOException {
        byte[] twoFiles = zip(Map.of("npm/a.txt", "a".repeat(1000), "npm/b.txt", "b"));
        StringBuilder incompressible = new StringBuilder();
        java.util.Random random = new java.util.Random(7);
        while (incompressible.length() < 4000) {
            incompressible.append(Long.toString(random.nextLong(), 36));
        }
        byte[] whole = zip(Map.of("npm/a.txt", incompressible.toString()));
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2); // cut inside the entry's data
        Map<String, byte[]> archives = Map.of("unpacks to too much", twoFiles, "too many entries", twoFiles, "too large", twoFiles,
                "not a zip", "random bytes, not an archive".getBytes(StandardCharsets.UTF_8), "truncated", truncated);
        Map<String, PackageCacheLimits> limits = Map.of("unpacks to too much", new PackageCacheLimits(512L << 20, 500, 200_000),
                "too many entries", new PackageCacheLimits(512L << 20, 1L << 30, 1),
                "too large", new PackageCacheLimits(twoFiles.length - 1, 1L << 30, 200_000));
        for (var archive : archives.entrySet()) {
            // given
            Path workspace = workspace("ws-" + archive.getKey().replace(' ', '-'), Map.of("package-lock.json", LOCKFILE));
            putObject(keyOf(workspace), archive.getValue());

            // when
            try (PackageCache.Restored restored = cache(limits.getOrDefault(archive.getKey(), DEFAULT_LIMITS)).restore(project, workspace)) {
                // then: the install starts with an empty cache, pointed at as always
                assertThat(folder(restored)).as(archive.getKey()).isEmptyDirectory();
                assertThat(restored.environment()).as(archive.getKey()).containsKey("npm_config_cache");
            }
        }
    }

    /** Marks {@code name}'s central directory entry as made on Unix with mode 0120777 (a symbolic link). */
    private static byte[] asUnixLink(byte[] zip, String name) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int at = 0; at + 46 <= zip.length; at++) {
            if (buffer.getInt(at) == 0x02014b50 && buffer.getShort(at + 28) == nameBytes.length
                    && java.util.Arrays.equals(zip, at + 46, at + 46 + nameBytes.length, nameBytes, 0, nameBytes.length)) {
                buffer.putShort(at + 4, (short) (3 << 8 | 20)); // version made by: Unix
                buffer.putInt(at + 38, 0120777 << 16);          // external attributes: the Unix mode of a link
                return zip;
            }
        }
        throw new AssertionError("no central directory entry for " + name);
    }
}
