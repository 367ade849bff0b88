package dev.samokoder.workflow.tools;

import dev.samokoder.core.blob.BlobRef;
import dev.samokoder.core.blob.BlobStore;
import dev.samokoder.core.config.RetryPolicy;
import dev.samokoder.core.domain.FileEntry;
import dev.samokoder.core.domain.WorkspacePath;
import dev.samokoder.core.storage.FileIndexRepository;
import dev.samokoder.core.storage.ItemAlreadyExistsException;
import dev.samokoder.core.storage.OptimisticRetry;
import dev.samokoder.core.storage.OptimisticRetry.Contention;
import dev.samokoder.core.storage.Page;
import dev.samokoder.core.storage.VersionConflictException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One project's files as the agents see and change them: the file index (paths, sizes, summaries)
 * and the blobs it points at. A write is a blob and an index entry; two steps writing one path at
 * once retry on the entry's version. Binary files are listed but never shown to a model.
 *
 * <p>An instance serves one step. Every read of an entry goes to the index (strongly consistent);
 * a write is made against the entry this instance last read or wrote for that path, under the
 * entry's version, and reads the entry again only when that write finds it changed — so a step
 * that read a file, or wrote it, does not read it once more just to write it. Contents it read or
 * wrote are kept by their hash (blobs are named by it and never change), so a file the step just
 * wrote is not fetched back from S3.
 */
public final class ProjectFiles {

    /** Index entries read per page while listing. */
    private static final int PAGE = 100;
    /** How much of a file is looked at to tell text from binary. */
    private static final int SNIFF_BYTES = 8_000;
    /** The most content kept by hash; past it, contents are fetched again when read. */
    private static final long MAX_KEPT_BYTES = 8L * 1024 * 1024;

    private final FileIndexRepository files;
    private final BlobStore blobs;
    private final String projectId;
    /** Two steps may save the same path at once; each retry re-reads the entry. */
    private final OptimisticRetry retry;
    /** The entry (or its absence) this instance last read or wrote, per path: the version its next write of that path expects. */
    private final Map<WorkspacePath, Optional<FileEntry>> seen = new HashMap<>();
    /** The entry this instance's last write of each path made. */
    private final Map<WorkspacePath, FileEntry> written = new HashMap<>();
    /** Contents this instance read or wrote, by their sha256. */
    private final Map<String, byte[]> kept = new HashMap<>();
    private long keptBytes;

    public ProjectFiles(FileIndexRepository files, BlobStore blobs, String projectId) {
        this(files, blobs, projectId, RetryPolicy.defaults());
    }

    /** @param conflictRetry how a write of an entry that lost the race to another writer of the path tries again */
    public ProjectFiles(FileIndexRepository files, BlobStore blobs, String projectId, RetryPolicy conflictRetry) {
        this.files = files;
        this.blobs = blobs;
        this.projectId = projectId;
        this.retry = new OptimisticRetry(conflictRetry);
    }

    public String projectId() {
        return projectId;
    }

    public Optional<FileEntry> entry(WorkspacePath path) {
        Optional<FileEntry> entry = files.get(projectId, path);
        seen.put(path, entry);
        return entry;
    }

    /** A file's content as text, or empty when it does not exist; {@link BinaryFileException} when it is not UTF-8 text. */
    public Optional<String> text(WorkspacePath path) {
        return entry(path).map(this::text);
    }

    public String text(FileEntry entry) {
        String sha256 = entry.blob().sha256();
        byte[] bytes = kept.get(sha256);
        if (bytes == null) {
            bytes = blobs.get(sha256);
            keep(sha256, bytes);
        }
        byte[] content = bytes;
        return decode(content).orElseThrow(() -> new BinaryFileException(entry.path().value(), content.length));
    }

    private void keep(String sha256, byte[] content) {
        if (keptBytes + content.length <= MAX_KEPT_BYTES && kept.putIfAbsent(sha256, content) == null) {
            keptBytes += content.length;
        }
    }

    /** The entry a write of {@code path} starts from: the one last seen, else the index's. */
    private Optional<FileEntry> base(WorkspacePath path) {
        Optional<FileEntry> known = seen.get(path);
        return known != null ? known : entry(path);
    }

    /** The files in path order, at most {@code max} of them; {@code more} tells whether there were others. */
    public Listing list(int max) {
        List<FileEntry> entries = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<FileEntry> page = files.list(projectId, Math.min(PAGE, max - entries.size()), cursor);
            entries.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor.isPresent() && entries.size() < max);
        return new Listing(entries, cursor.isPresent());
    }

    /** A page of the index and whether there is more. */
    public record Listing(List<FileEntry> files, boolean more) {
    }

    /** Creates or replaces a file; the summary replaces the entry's when given, else the entry keeps its own. */
    public FileEntry write(WorkspacePath path, String content, Optional<String> summary) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        String sha256 = BlobStore.sha256(bytes);
        BlobRef blob = kept.containsKey(sha256) ? new BlobRef(sha256, bytes.length) : blobs.put(bytes);
        keep(sha256, bytes);
        return retry.get(attempt -> attempt == 1
                        ? write(path, blob, summary, base(path), false)
                        : write(path, blob, summary, entry(path), true),
                Contention::rethrow, VersionConflictException.class, ItemAlreadyExistsException.class);
    }

    /** One try of {@link #write(WorkspacePath, String, Optional)}, from {@code current}: {@code fresh} when it was read from the index just now. */
    private FileEntry write(WorkspacePath path, BlobRef blob, Optional<String> summary, Optional<FileEntry> current, boolean fresh) {
        if (current.isEmpty()) {
            return wrote(path, files.create(projectId, path, blob, summary));
        }
        Optional<String> described = summary.isPresent() ? summary : current.get().summary();
        if (current.get().blob().equals(blob) && current.get().summary().equals(described)) {
            // nothing to write, if the index still says so
            return fresh ? current.get() : write(path, blob, summary, entry(path), true);
        }
        return wrote(path, files.update(current.get(), blob, described));
    }

    /**
     * The entry this instance's last write of the path made, unless it deleted the path since. It is
     * the file as it is only for a caller that knows no one else writes the path (a step's own file).
     */
    public Optional<FileEntry> lastWritten(WorkspacePath path) {
        return Optional.ofNullable(written.get(path));
    }

    private FileEntry wrote(WorkspacePath path, FileEntry entry) {
        seen.put(path, Optional.of(entry));
        written.put(path, entry);
        return entry;
    }

    /** Sets a file's one-line summary, keeping its content. */
    public void describe(WorkspacePath path, String summary) {
        retry.run(attempt -> {
            if (attempt == 1) {
                describe(path, summary, base(path), false);
            } else {
                describe(path, summary, entry(path), true);
            }
        }, Contention::lastConflict, VersionConflictException.class);
    }

    /** One try of {@link #describe(WorkspacePath, String)}, from {@code current}: {@code fresh} when it was read from the index just now. */
    private void describe(WorkspacePath path, String summary, Optional<FileEntry> current, boolean fresh) {
        if (current.isEmpty() || current.get().summary().equals(Optional.of(FileEntry.oneLine(summary)))) {
            if (!fresh) {
                describe(path, summary, entry(path), true); // nothing to write, if the index still says so
            }
            return;
        }
        wrote(path, files.update(current.get(), current.get().blob(), Optional.of(summary)));
    }

    /** @return false when there was no such file */
    public boolean delete(WorkspacePath path) {
        return retry.get(attempt -> {
            Optional<FileEntry> current = entry(path);
            if (current.isEmpty()) {
                return false;
            }
            files.delete(current.get());
            seen.put(path, Optional.empty());
            written.remove(path);
            return true;
        }, Contention::rethrow, VersionConflictException.class);
    }

    /** Moves a file's entry (content and summary) to a path that has none. */
    public void rename(FileEntry from, WorkspacePath to) {
        wrote(to, files.create(projectId, to, from.blob(), from.summary()));
        delete(from.path());
    }

    /** UTF-8 text without NUL bytes, or empty: a binary file. */
    static Optional<String> decode(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, SNIFF_BYTES); i++) {
            if (bytes[i] == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The file is not text: it is listed, never shown to a model. */
    public static final class BinaryFileException extends RuntimeException {

        public BinaryFileException(String path, long size) {
            super(path + " is a binary file (" + size + " bytes): it is not shown");
        }
    }
}
