package dev.samokoder.runner;

import dev.samokoder.core.config.SamokoderConfig.Sandbox.PackageCacheLimits;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A package cache folder as a zip archive, and back. The folder was filled by the installs of generated code, and
 * the archive comes back from S3, so both ways are bounded ({@link PackageCacheLimits}: the archive's size, the
 * bytes it unpacks to, its files and folders) and hold only regular files and folders: packing skips links and
 * anything else, unpacking refuses an archive with an absolute name, a {@code ..} or any other name that would
 * leave the folder, and makes only regular files and folders (a link's entry, which only another zip tool would
 * write, becomes a file holding the link's target). What an entry keeps besides its content is its modification
 * time (pnpm re-checks store files modified after it saw them) and whether it is executable (Yarn's and pnpm's
 * caches hold package files as they will be installed).
 */
final class PackageArchive {

    /** An extra field of our own, without data, on the entries of executable files. */
    private static final int EXECUTABLE_FIELD = 0x6b73;
    private static final byte[] EXECUTABLE = {(byte) (EXECUTABLE_FIELD & 0xff), (byte) (EXECUTABLE_FIELD >> 8), 0, 0};
    private static final Set<PosixFilePermission> EXECUTABLE_MODE = PosixFilePermissions.fromString("rwxr-xr-x");
    /** One segment of an entry's name: not empty, not . or .., no backslash (another system's separator) or NUL. */
    private static final Pattern SEGMENT = Pattern.compile("(?!\\.\\.?$)[^/\\\\\\x00]+");

    private final PackageCacheLimits limits;

    PackageArchive(PackageCacheLimits limits) {
        this.limits = limits;
    }

    /**
     * Writes {@code folder}'s regular files and folders into the new file {@code archive}.
     *
     * @return what was packed
     * @throws OverLimitException when the archive would pass a bound (the caller deletes the partial archive)
     */
    Counts pack(Path folder, Path archive) throws IOException {
        long[] entries = {0};
        long[] bytes = {0};
        int[] skipped = {0};
        try (CountingOutputStream counted = new CountingOutputStream(Files.newOutputStream(archive, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(counted, 64 * 1024))) {
            zip.setLevel(Deflater.BEST_SPEED); // npm's and pip's caches are mostly compressed already
            byte[] buffer = new byte[64 * 1024];
            Files.walkFileTree(folder, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                    if (!directory.equals(folder)) {
                        ZipEntry entry = new ZipEntry(name(folder, directory) + "/");
                        entry.setLastModifiedTime(attributes.lastModifiedTime());
                        add(entry);
                        zip.closeEntry();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    if (!attributes.isRegularFile()) {
                        skipped[0]++; // a link (never followed), a socket, a pipe, a device
                        return FileVisitResult.CONTINUE;
                    }
                    ZipEntry entry = new ZipEntry(name(folder, file));
                    entry.setLastModifiedTime(attributes.lastModifiedTime());
                    if (Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).contains(PosixFilePermission.OWNER_EXECUTE)) {
                        entry.setExtra(EXECUTABLE);
                    }
                    add(entry);
                    try (InputStream in = Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
                        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                            bytes[0] += read;
                            if (bytes[0] > limits.maxUnpackedBytes()) {
                                throw new OverLimitException("the cache holds over " + limits.maxUnpackedBytes() + " bytes");
                            }
                            zip.write(buffer, 0, read);
                            requireArchiveWithinLimit(counted.count());
                        }
                    }
                    zip.closeEntry();
                    return FileVisitResult.CONTINUE;
                }

                private void add(ZipEntry entry) throws IOException {
                    if (++entries[0] > limits.maxEntries()) {
                        throw new OverLimitException("the cache holds over " + limits.maxEntries() + " files and folders");
                    }
                    zip.putNextEntry(entry);
                }
            });
            zip.finish();
            zip.flush();
            requireArchiveWithinLimit(counted.count());
            return new Counts(entries[0], bytes[0], skipped[0], counted.count());
        }
    }

    /**
     * Unpacks an archive into the empty folder {@code folder}; {@code archive} is left open.
     *
     * @throws RefusedException when the archive passes a bound or names a path outside the folder (the caller empties
     *                          the folder)
     * @throws IOException      when it is not a zip archive, or is cut short
     */
    Counts unpack(InputStream archive, Path folder) throws IOException {
        long entries = 0;
        long bytes = 0;
        BoundedInputStream bounded = new BoundedInputStream(archive, limits.maxArchiveBytes());
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(bounded, 64 * 1024))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > limits.maxEntries()) {
                    throw new RefusedException("it holds over " + limits.maxEntries() + " files and folders");
                }
                Path target = target(folder, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    // CREATE_NEW: a name given twice is refused, not overwritten; the folder was empty and only
                    // regular files and folders are made, so no link can redirect a write
                    try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                            LinkOption.NOFOLLOW_LINKS)) {
                        for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
                            bytes += read;
                            if (bytes > limits.maxUnpackedBytes()) {
                                throw new RefusedException("it unpacks to over " + limits.maxUnpackedBytes() + " bytes");
                            }
                            out.write(buffer, 0, read);
                        }
                    }
                    if (executable(entry.getExtra())) {
                        Files.setPosixFilePermissions(target, EXECUTABLE_MODE);
                    }
                }
                FileTime modified = entry.getLastModifiedTime();
                if (modified != null) {
                    Files.setLastModifiedTime(target, modified);
                }
            }
        }
        return new Counts(entries, bytes, 0, bounded.count());
    }

    /** The entry's place in the folder; refuses a name that is absolute, climbs out, or is not a plain relative path. */
    private static Path target(Path folder, String name) throws RefusedException {
        String relative = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : relative.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new RefusedException("the entry '" + printable(name) + "' is not a plain path inside the cache");
            }
        }
        Path target = folder.resolve(relative).normalize();
        if (!target.startsWith(folder) || target.equals(folder)) {
            throw new RefusedException("the entry '" + printable(name) + "' is outside the cache");
        }
        return target;
    }

    private static boolean executable(byte[] extra) {
        for (int at = 0; extra != null && at + 4 <= extra.length; ) {
            int id = (extra[at] & 0xff) | (extra[at + 1] & 0xff) << 8;
            int size = (extra[at + 2] & 0xff) | (extra[at + 3] & 0xff) << 8;
            if (id == EXECUTABLE_FIELD) {
                return true;
            }
            at += 4 + size;
        }
        return false;
    }

    private static String name(Path folder, Path path) {
        return folder.relativize(path).toString();
    }

    private static String printable(String name) {
        String shown = name.replaceAll("[\\p{Cntrl}]", "?");
        return shown.length() > 200 ? shown.substring(0, 200) + "…" : shown;
    }

    private void requireArchiveWithinLimit(long size) throws OverLimitException {
        if (size > limits.maxArchiveBytes()) {
            throw new OverLimitException("the archive is over " + limits.maxArchiveBytes() + " bytes");
        }
    }

    /**
     * @param entries  files and folders
     * @param bytes    the files' bytes
     * @param skipped  links and other files left out (packing)
     * @param archive  the archive's size
     */
    record Counts(long entries, long bytes, int skipped, long archive) {
    }

    /** The cache is over a bound: it is not saved. */
    static final class OverLimitException extends IOException {
        OverLimitException(String message) {
            super(message);
        }
    }

    /** The archive is over a bound, or names a path outside the cache: nothing of it is used. */
    static final class RefusedException extends IOException {
        RefusedException(String message) {
            super(message);
        }
    }

    private static final class CountingOutputStream extends FilterOutputStream {
        private long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        long count() {
            return count;
        }
    }

    /** Refuses to read past the most an archive may be (an archive is read as it is downloaded). */
    private static final class BoundedInputStream extends FilterInputStream {
        private final long max;
        private long count;

        BoundedInputStream(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = in.read(b, off, len);
            if (read > 0) {
                counted(read);
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long read) throws RefusedException {
            count += read;
            if (count > max) {
                throw new RefusedException("the archive is over " + max + " bytes");
            }
        }

        /** The caller owns the archive's stream: it may still abort the download instead of reading it to its end. */
        @Override
        public void close() {
        }

        long count() {
            return count;
        }
    }
}
