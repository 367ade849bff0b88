package dev.samokoder.core.blob;

import java.util.regex.Pattern;

/** A stored blob: the SHA-256 of its bytes (lower-case hex) and their count. */
public record BlobRef(String sha256, long size) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public BlobRef {
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }

    static boolean isSha256(String value) {
        return value != null && SHA256_HEX.matcher(value).matches();
    }
}
