package dev.samokoder.core.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets local mode keeps in the data dir (the token signing key, the master key of stored LLM
 * keys, the API-key hashing secret): written once, owner-only (0600 in a 0700 folder where the
 * file system has POSIX permissions), atomically, and never replaced once there, since replacing
 * one would silently invalidate everything it protects.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {
    }

    /**
     * The {@code length} random bytes kept base64 in {@code file}, or new ones written there first.
     *
     * @throws IllegalStateException if the file exists but does not hold exactly {@code length} bytes (it is left as it is)
     */
    public static synchronized byte[] loadOrCreateRandom(Path file, int length) {
        Path target = file.toAbsolutePath();
        if (Files.exists(target)) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(Files.readString(target, StandardCharsets.US_ASCII).strip());
            } catch (IOException | IllegalArgumentException e) {
                throw damaged(target, "it is not base64 text", e);
            }
            if (bytes.length != length) {
                throw damaged(target, "it holds " + bytes.length + " bytes, not " + length, null);
            }
            return bytes;
        }
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        writeOwnerOnly(target, Base64.getEncoder().encodeToString(bytes) + "\n");
        return bytes;
    }

    /** Temp file then atomic move, so a crash leaves either no file or a whole one, never half of one. */
    public static void writeOwnerOnly(Path file, String content) {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        FileAttribute<?>[] dirAttributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
                : new FileAttribute<?>[0];
        FileAttribute<?>[] fileAttributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Path temp = null;
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir, dirAttributes);
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", fileAttributes);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write secret file " + file, e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the write already failed and that is the error worth reporting
                }
            }
        }
    }

    private static IllegalStateException damaged(Path file, String problem, Exception cause) {
        return new IllegalStateException("secret file " + file + " is damaged (" + problem + "); it was left as it is."
                + " Restore it from a backup: what it protects cannot be read without it", cause);
    }
}
