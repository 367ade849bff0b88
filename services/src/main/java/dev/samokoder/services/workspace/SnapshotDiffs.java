package dev.samokoder.services.workspace;

import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.sandbox.ManifestEntry;
import dev.samokoder.sandbox.SnapshotManifest;
import dev.samokoder.sandbox.SnapshotNotFoundException;
import dev.samokoder.sandbox.SnapshotStore;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What changed between two snapshots of one project: the changed files (from the two manifests
 * alone, no blob is read), and one file's two versions as text. A key names a snapshot of the
 * given project only, and content is read only for a path one of the two manifests lists, so a
 * caller can never read a blob by its hash. The caller has already checked that the user owns
 * the project.
 */
public final class SnapshotDiffs {

    /** Most changed files a listing returns; the rest is reported as truncated. */
    public static final int MAX_FILES = 10_000;
    /** Largest version of a file returned as text; a larger one is reported as truncated. */
    public static final int MAX_TEXT_BYTES = 256 * 1024;

    public enum Change { ADDED, MODIFIED, DELETED, UNCHANGED }

    /** One path in either snapshot; {@code before} is empty for an added file, {@code after} for a deleted one. */
    public record ChangedFile(String path, Change change, Optional<ManifestEntry> before, Optional<ManifestEntry> after) {
    }

    /** The changed files in path order, cut at {@link #MAX_FILES}. */
    public record Listing(List<ChangedFile> files, boolean truncated) {
    }

    /**
     * One file's versions: text when UTF-8 and at most {@link #MAX_TEXT_BYTES}; otherwise empty,
     * with {@code binary} or {@code truncated} saying why.
     */
    public record FileVersions(ChangedFile file, Optional<String> before, Optional<String> after, boolean binary,
                               boolean truncated) {
    }

    private final SnapshotStore snapshots;
    private final BlobStore blobs;

    public SnapshotDiffs(SnapshotStore snapshots, BlobStore blobs) {
        this.snapshots = snapshots;
        this.blobs = blobs;
    }

    /** @throws SnapshotNotFoundException if a key is not one of the project's snapshots */
    public Listing diff(String projectId, String fromKey, String toKey) {
        return compare(manifest(projectId, fromKey), manifest(projectId, toKey), MAX_FILES);
    }

    /**
     * The path's versions in the two snapshots.
     *
     * @throws SnapshotNotFoundException if a key is not one of the project's snapshots
     * @throws FileNotInSnapshotsException if neither snapshot has the path
     */
    public FileVersions file(String projectId, String fromKey, String toKey, WorkspacePath path) {
        SnapshotManifest from = manifest(projectId, fromKey);
        SnapshotManifest to = manifest(projectId, toKey);
        Optional<ManifestEntry> before = Optional.ofNullable(from.files().get(path.value()));
        Optional<ManifestEntry> after = Optional.ofNullable(to.files().get(path.value()));
        if (before.isEmpty() && after.isEmpty()) {
            throw new FileNotInSnapshotsException(path.value());
        }
        ChangedFile file = new ChangedFile(path.value(), change(before, after), before, after);
        boolean truncated = before.map(e -> e.size() > MAX_TEXT_BYTES).orElse(false)
                || after.map(e -> e.size() > MAX_TEXT_BYTES).orElse(false);
        if (truncated) {
            return new FileVersions(file, Optional.empty(), Optional.empty(), false, true);
        }
        Optional<byte[]> beforeBytes = before.map(e -> blobs.get(e.sha256()));
        Optional<byte[]> afterBytes = after.map(e -> blobs.get(e.sha256()));
        Optional<String> beforeText = beforeBytes.flatMap(SnapshotDiffs::utf8);
        Optional<String> afterText = afterBytes.flatMap(SnapshotDiffs::utf8);
        if (beforeBytes.isPresent() != beforeText.isPresent() || afterBytes.isPresent() != afterText.isPresent()) {
            return new FileVersions(file, Optional.empty(), Optional.empty(), true, false);
        }
        return new FileVersions(file, beforeText, afterText, false, false);
    }

    /** The changed paths of two manifests, in path order (both maps are sorted), at most {@code max}. */
    static Listing compare(SnapshotManifest from, SnapshotManifest to, int max) {
        List<ChangedFile> changed = new ArrayList<>();
        Iterator<Map.Entry<String, ManifestEntry>> before = from.files().entrySet().iterator();
        Iterator<Map.Entry<String, ManifestEntry>> after = to.files().entrySet().iterator();
        Map.Entry<String, ManifestEntry> b = next(before);
        Map.Entry<String, ManifestEntry> a = next(after);
        while (b != null || a != null) {
            int order = b == null ? 1 : a == null ? -1 : b.getKey().compareTo(a.getKey());
            ChangedFile file;
            if (order < 0) {
                file = new ChangedFile(b.getKey(), Change.DELETED, Optional.of(b.getValue()), Optional.empty());
                b = next(before);
            } else if (order > 0) {
                file = new ChangedFile(a.getKey(), Change.ADDED, Optional.empty(), Optional.of(a.getValue()));
                a = next(after);
            } else {
                file = b.getValue().equals(a.getValue()) ? null
                        : new ChangedFile(a.getKey(), Change.MODIFIED, Optional.of(b.getValue()), Optional.of(a.getValue()));
                b = next(before);
                a = next(after);
            }
            if (file != null) {
                if (changed.size() == max) {
                    return new Listing(changed, true);
                }
                changed.add(file);
            }
        }
        return new Listing(changed, false);
    }

    private SnapshotManifest manifest(String projectId, String key) {
        if (!SnapshotStore.isKeyOf(projectId, key)) {
            throw new SnapshotNotFoundException(key);
        }
        return snapshots.get(key);
    }

    private static Change change(Optional<ManifestEntry> before, Optional<ManifestEntry> after) {
        if (before.isEmpty()) {
            return Change.ADDED;
        }
        if (after.isEmpty()) {
            return Change.DELETED;
        }
        return before.get().equals(after.get()) ? Change.UNCHANGED : Change.MODIFIED;
    }

    private static <T> T next(Iterator<T> iterator) {
        return iterator.hasNext() ? iterator.next() : null;
    }

    private static Optional<String> utf8(byte[] content) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
