package dev.samokoder.shared.workflow.agents.tools;

import dev.samokoder.shared.blob.BlobRef;
import dev.samokoder.shared.blob.BlobStore;
import dev.samokoder.shared.domain.FileEntry;
import dev.samokoder.shared.domain.WorkspacePath;
import dev.samokoder.shared.storage.FileIndexRepository;
import dev.samokoder.shared.storage.ItemAlreadyExistsException;
import dev.samokoder.shared.storage.Page;
import dev.samokoder.shared.storage.VersionConflictException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One project's files as the agents see and change them: the file index (paths, sizes, summaries)
 * and the blobs it points at. A write is a blob and an index entry; two steps writing one path at
 * once retry on the entry's version. Binary files are listed but never shown to a model.
 */
public final class ProjectFiles {

    /** Two steps may save the same path at once; each retry re-reads the entry. */
    private static final int MAX_CONFLICT_RETRIES = 10;
    /** Index entries read per page while listing. */
    private static final int PAGE = 100;
    /** How much of a file is looked at to tell text from binary. */
    private static final int SNIFF_BYTES = 8_000;

    private final FileIndexRepository files;
    private final BlobStore blobs;
    private final String projectId;

    public ProjectFiles(FileIndexRepository files, BlobStore blobs, String projectId) {
        this.files = files;
        this.blobs = blobs;
        this.projectId = projectId;
    }

    public String projectId() {
        return projectId;
    }

    public Optional<FileEntry> entry(WorkspacePath path) {
        return files.get(projectId, path);
    }

    /** A file's content as text, or empty when it does not exist; {@link BinaryFileException} when it is not UTF-8 text. */
    public Optional<String> text(WorkspacePath path) {
        return entry(path).map(this::text);
    }

    public String text(FileEntry entry) {
        byte[] bytes = blobs.get(entry.blob().sha256());
        return decode(bytes).orElseThrow(() -> new BinaryFileException(entry.path().value(), bytes.length));
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
        BlobRef blob = blobs.put(content.getBytes(StandardCharsets.UTF_8));
        for (int attempt = 1; ; attempt++) {
            try {
                Optional<FileEntry> current = files.get(projectId, path);
                if (current.isEmpty()) {
                    return files.create(projectId, path, blob, summary);
                }
                Optional<String> kept = summary.isPresent() ? summary : current.get().summary();
                if (current.get().blob().equals(blob) && current.get().summary().equals(kept)) {
                    return current.get();
                }
                return files.update(current.get(), blob, kept);
            } catch (VersionConflictException | ItemAlreadyExistsException conflict) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw conflict;
                }
            }
        }
    }

    /** Sets a file's one-line summary, keeping its content. */
    public void describe(WorkspacePath path, String summary) {
        for (int attempt = 1; ; attempt++) {
            Optional<FileEntry> current = files.get(projectId, path);
            if (current.isEmpty() || current.get().summary().equals(Optional.of(FileEntry.oneLine(summary)))) {
                return;
            }
            try {
                files.update(current.get(), current.get().blob(), Optional.of(summary));
                return;
            } catch (VersionConflictException conflict) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw conflict;
                }
            }
        }
    }

    /** @return false when there was no such file */
    public boolean delete(WorkspacePath path) {
        for (int attempt = 1; ; attempt++) {
            Optional<FileEntry> current = files.get(projectId, path);
            if (current.isEmpty()) {
                return false;
            }
            try {
                files.delete(current.get());
                return true;
            } catch (VersionConflictException conflict) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw conflict;
                }
            }
        }
    }

    /** Moves a file's entry (content and summary) to a path that has none. */
    public void rename(FileEntry from, WorkspacePath to) {
        files.create(projectId, to, from.blob(), from.summary());
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
