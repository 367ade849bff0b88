package dev.samokoder.runner;

import dev.samokoder.core.config.SamokoderConfig.Sandbox.PackageCacheLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What S3PackageCacheIT cannot make S3 do: an archive that turns out larger than its bound only as it is read. */
class PackageArchiveTest {

    @TempDir
    Path folder;

    @Test
    void anArchiveReadPastItsBoundIsRefused_whateverSizeItWasSaidToBe() throws IOException {
        // given: a stored (uncompressed) entry of 4 KiB, read with a 1 KiB bound
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(0);
            zip.putNextEntry(new ZipEntry("npm/big.bin"));
            zip.write(new byte[4096]);
            zip.closeEntry();
        }
        PackageArchive archive = new PackageArchive(new PackageCacheLimits(1024, 1L << 30, 200_000));

        // when / then
        assertThatThrownBy(() -> archive.unpack(new ByteArrayInputStream(bytes.toByteArray()), folder))
                .isInstanceOf(PackageArchive.RefusedException.class).hasMessageContaining("over 1024 bytes");
        try (var left = Files.walk(folder)) {
            assertThat(left.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum()).isLessThanOrEqualTo(1024);
        }
    }
}
