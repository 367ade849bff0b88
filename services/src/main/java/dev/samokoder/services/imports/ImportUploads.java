package dev.samokoder.services.imports;

import dev.samokoder.core.domain.Ids;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Archives too large for a request (a Lambda request carries 6 MB) go to S3 first: the API hands out a presigned PUT
 * of a key under the caller's own prefix ({@code imports/<userId>/<uploadId>.zip}), the client uploads, and the import
 * then takes the object — its size checked before it is read, deleted once read, so an upload is imported once. The
 * bucket's lifecycle removes uploads nobody imported after a day.
 */
public final class ImportUploads {

    public static final Duration URL_TTL = Duration.ofMinutes(15);
    private static final String PREFIX = "upl";

    /** Where to PUT the archive, until when, and how large it may be. */
    public record Upload(String id, URL url, Instant expiresAt, long maxBytes) {
    }

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final long maxBytes;
    private final Clock clock;

    public ImportUploads(S3Client s3, S3Presigner presigner, String bucket, long maxBytes, Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    public Upload create(String userId) {
        String id = Ids.newId(PREFIX);
        String key = key(userId, id);
        URL url = presigner.presignPutObject(r -> r.signatureDuration(URL_TTL)
                .putObjectRequest(p -> p.bucket(bucket).key(key).contentType("application/zip"))).url();
        return new Upload(id, url, clock.instant().plus(URL_TTL), maxBytes);
    }

    /**
     * The caller's uploaded archive, once: read and deleted.
     *
     * @throws UploadNotFoundException when there is none (never uploaded, already imported, someone else's)
     * @throws ImportRefusedException when it is over the upload limit (it is deleted unread)
     */
    public byte[] take(String userId, String uploadId) {
        if (!Ids.isValid(PREFIX, uploadId)) {
            throw new UploadNotFoundException(uploadId);
        }
        String key = key(userId, uploadId);
        long size;
        try {
            size = s3.headObject(r -> r.bucket(bucket).key(key)).contentLength();
        } catch (NoSuchKeyException e) {
            throw new UploadNotFoundException(uploadId);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new UploadNotFoundException(uploadId);
            }
            throw e;
        }
        try {
            if (size > maxBytes) {
                throw new ImportRefusedException(ImportRefusedException.Reason.TOO_LARGE,
                        "the uploaded archive is " + size + " bytes; at most " + maxBytes + " may be imported");
            }
            return s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        } finally {
            s3.deleteObject(r -> r.bucket(bucket).key(key));
        }
    }

    private static String key(String userId, String uploadId) {
        return "imports/" + userId + "/" + uploadId + ".zip";
    }
}
