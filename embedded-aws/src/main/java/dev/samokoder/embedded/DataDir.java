package dev.samokoder.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The folder that holds everything the local platform stores: DynamoDB's SQLite file under
 * {@code dynamodb/}, S3 buckets under {@code s3/}. Opening it checks, before any component
 * touches it, that it is a usable folder of ours, that no other process is using it, and that the
 * database file is a database; any problem is a clear error. Nothing here ever deletes a file.
 */
public final class DataDir implements AutoCloseable {

    static final String MARKER_FILE = "samokoder-data.json";
    static final String LOCK_FILE = ".lock";
    static final int FORMAT = 1;
    private static final Pattern FORMAT_FIELD = Pattern.compile("\"format\"\\s*:\\s*(\\d+)");
    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    /** The fixed part of an SQLite file's first page that describes the file. */
    private static final int SQLITE_HEADER_BYTES = 100;

    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private DataDir(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating if missing) and locks the data dir; see the class comment for the checks. */
    public static DataDir open(Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new EmbeddedAwsException("the data dir " + root + " exists but is not a folder");
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new EmbeddedAwsException("cannot create the data dir " + root + ": " + e.getMessage(), e);
        }
        if (!Files.isReadable(root) || !Files.isWritable(root) || !Files.isExecutable(root)) {
            throw new EmbeddedAwsException("the data dir " + root + " is not readable and writable by this user");
        }
        FileChannel channel;
        FileLock lock;
        try {
            channel = FileChannel.open(root.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
        } catch (IOException e) {
            throw new EmbeddedAwsException("cannot lock the data dir " + root + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new EmbeddedAwsException("the data dir " + root + " is in use by another Samokoder process;"
                    + " stop it, or point SAMOKODER_DATA_DIR at another folder");
        }
        DataDir dataDir = new DataDir(root, channel, lock);
        try {
            dataDir.checkMarker();
            Files.createDirectories(dataDir.dynamoDbDir());
            Files.createDirectories(dataDir.s3Dir());
            dataDir.checkDatabaseFile();
        } catch (IOException e) {
            dataDir.close();
            throw new EmbeddedAwsException("cannot prepare the data dir " + root + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            dataDir.close();
            throw e;
        }
        return dataDir;
    }

    public Path root() {
        return root;
    }

    public Path dynamoDbDir() {
        return root.resolve("dynamodb");
    }

    public Path s3Dir() {
        return root.resolve("s3");
    }

    private void checkMarker() throws IOException {
        Path marker = root.resolve(MARKER_FILE);
        if (!Files.exists(marker)) {
            Path partial = root.resolve(MARKER_FILE + ".tmp");
            Files.writeString(partial, "{\"format\": " + FORMAT + ", \"createdAt\": \"" + Instant.now() + "\"}\n");
            Files.move(partial, marker, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return;
        }
        String text;
        try {
            text = Files.readString(marker);
        } catch (IOException e) {
            throw new EmbeddedAwsException("cannot read " + marker + ": " + e.getMessage(), e);
        }
        Matcher matcher = FORMAT_FIELD.matcher(text);
        if (!matcher.find()) {
            throw new EmbeddedAwsException(marker + " is damaged (no \"format\" field); the data dir was left as it is."
                    + " Restore the file or point SAMOKODER_DATA_DIR at another folder");
        }
        int format = Integer.parseInt(matcher.group(1));
        if (format != FORMAT) {
            throw new EmbeddedAwsException("the data dir " + root + " has format " + format + ", this version reads format "
                    + FORMAT + "; the data was left as it is");
        }
    }

    /**
     * Checks what can be checked without opening the database: the SQLite header, and that the
     * file is whole pages of the size the header gives (SQLite only ever writes whole pages, so
     * anything else is a truncated or overwritten file: a full disk, an interrupted copy).
     */
    private void checkDatabaseFile() {
        Path database = dynamoDbDir().resolve(DynamoDbLocalServer.DATABASE_FILE);
        if (!Files.exists(database)) {
            return;
        }
        byte[] header = new byte[SQLITE_HEADER_BYTES];
        int read;
        long size;
        try (InputStream in = Files.newInputStream(database)) {
            read = in.readNBytes(header, 0, header.length);
            size = Files.size(database);
        } catch (IOException e) {
            throw new EmbeddedAwsException("cannot read the DynamoDB database " + database + ": " + e.getMessage(), e);
        }
        if (read == 0) {
            return; // SQLite writes the header on first use; an empty file is a fresh database
        }
        if (read < SQLITE_MAGIC.length || !Arrays.equals(Arrays.copyOf(header, SQLITE_MAGIC.length), SQLITE_MAGIC)) {
            throw damaged(database, "it is not an SQLite file");
        }
        int pageSize = read < SQLITE_HEADER_BYTES ? 0 : pageSize(header);
        if (pageSize == 0) {
            throw damaged(database, "its header is cut short or has no valid page size");
        }
        if (size % pageSize != 0) {
            throw damaged(database, "it is " + size + " bytes, not a whole number of its " + pageSize + "-byte pages (truncated?)");
        }
    }

    /** The page size in an SQLite header (bytes 16-17, big-endian; 1 means 65536), or 0 if it is not a valid one. */
    static int pageSize(byte[] header) {
        int value = ((header[16] & 0xff) << 8) | (header[17] & 0xff);
        int pageSize = value == 1 ? 65_536 : value;
        return pageSize >= 512 && Integer.bitCount(pageSize) == 1 ? pageSize : 0;
    }

    private static EmbeddedAwsException damaged(Path database, String why) {
        return new EmbeddedAwsException("the DynamoDB database " + database + " is damaged: " + why + "; it was left as it is."
                + " Restore it from a copy, or move it aside to start with an empty database");
    }

    /** Releases the lock; the data stays. */
    @Override
    public void close() {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // the channel close below releases it as well
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more can be done about a lock file that does not close
        }
    }
}
