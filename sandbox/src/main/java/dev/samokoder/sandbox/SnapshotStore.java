package dev.samokoder.sandbox;

import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.http.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Snapshot manifests on S3 under {@code snapshots/<projectId>/<sha256 of the manifest>.json}: the
 * same workspace always has the same key, so storing an unchanged workspace writes nothing, and a
 * read checks the manifest still hashes to its name.
 */
public final class SnapshotStore {

    static final String PREFIX = "snapshots/";
    private static final Pattern KEY = Pattern.compile("snapshots/([A-Za-z0-9_.:-]{1,128})/[0-9a-f]{64}\\.json");

    private final S3Client s3;
    private final String bucket;

    public SnapshotStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Stores the manifest (once) and returns its key. */
    public String put(String projectId, SnapshotManifest manifest) {
        byte[] json = canonicalJson(manifest);
        String key = key(projectId, BlobStore.sha256(json));
        if (!exists(key)) {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("application/json").contentLength((long) json.length),
                    RequestBody.fromBytes(json));
        }
        return key;
    }

    public SnapshotManifest get(String key) {
        var matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a snapshot key: " + key);
        }
        byte[] json;
        try {
            json = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new SnapshotNotFoundException(key);
        }
        String expected = key.substring(key.lastIndexOf('/') + 1, key.length() - ".json".length());
        if (!BlobStore.sha256(json).equals(expected)) {
            throw new IllegalStateException("snapshot " + key + " does not match its hash; it was changed after it was written");
        }
        try {
            return Json.mapper().readValue(json, SnapshotManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("snapshot " + key + " is not a manifest", e);
        }
    }

    public static String key(String projectId, String sha256) {
        String key = PREFIX + projectId + "/" + sha256 + ".json";
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("cannot make a snapshot key for project '" + projectId + "'");
        }
        return key;
    }

    /** The content hash a snapshot key names: the same files give the same hash, in any project. */
    public static String contentHash(String key) {
        var matcher = KEY.matcher(key);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a snapshot key: " + key);
        }
        return key.substring(key.lastIndexOf('/') + 1, key.length() - ".json".length());
    }

    /** The content hash of a workspace with no files. */
    public static String emptyContentHash() {
        return BlobStore.sha256(canonicalJson(SnapshotManifest.EMPTY));
    }

    /** True for a well-formed snapshot key (of any project). */
    public static boolean isKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** True for a well-formed key of that project's snapshots: one project cannot name another's. */
    public static boolean isKeyOf(String projectId, String key) {
        var matcher = KEY.matcher(key);
        return matcher.matches() && matcher.group(1).equals(projectId);
    }

    static byte[] canonicalJson(SnapshotManifest manifest) {
        try {
            return Json.mapper().writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest always serializes", e);
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
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
}
