package dev.samokoder.core.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Content-addressed blobs on S3 under {@code blobs/<sha256>}. A put of content that is already
 * stored writes nothing; a get checks that the bytes still hash to their name.
 */
public final class BlobStore {

    static final String PREFIX = "blobs/";
    private static final String CONTENT_TYPE = "application/octet-stream";

    private final S3Client s3;
    private final String bucket;
    private final long maxBytes;

    public BlobStore(S3Client s3, String bucket, long maxBytes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.maxBytes = maxBytes;
    }

    /** Stores the content once; returns its reference whether it was new or not. */
    public BlobRef put(byte[] content) {
        if (content.length > maxBytes) {
            throw new BlobTooLargeException(content.length, maxBytes);
        }
        BlobRef ref = new BlobRef(sha256(content), content.length);
        if (!exists(ref.sha256())) {
            s3.putObject(r -> r.bucket(bucket).key(key(ref.sha256())).contentType(CONTENT_TYPE)
                    .contentLength((long) content.length), RequestBody.fromBytes(content));
        }
        return ref;
    }

    /** The content of a blob, verified against its hash. */
    public byte[] get(String sha256) {
        requireSha256(sha256);
        byte[] content;
        try {
            content = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key(sha256))).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new BlobNotFoundException(sha256);
        }
        String actual = sha256(content);
        if (!actual.equals(sha256)) {
            throw new BlobCorruptedException(sha256, actual);
        }
        return content;
    }

    public boolean exists(String sha256) {
        requireSha256(sha256);
        try {
            s3.headObject(r -> r.bucket(bucket).key(key(sha256)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String key(String sha256) {
        return PREFIX + sha256;
    }

    private static void requireSha256(String sha256) {
        if (!BlobRef.isSha256(sha256)) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
    }
}
