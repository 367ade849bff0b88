package dev.samokoder.sandbox;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Compares a workspace after a run with the snapshot it started from. A file counts as changed
 * when its size, content or executable bit differs; content is hashed only when the size is the
 * same, and never for files a rule drops anyway.
 */
public final class WorkspaceChanges {

    private WorkspaceChanges() {
    }

    /** The changes as they would be written back, without writing anything (for local debugging). */
    public static CollectedChanges describe(SnapshotManifest before, Path workspace, KeepRules rules, long maxFileBytes) {
        ChangeSet changes = between(before, workspace, rules, maxFileBytes);
        return new CollectedChanges(null, changes.fileChanges(), changes.dropped());
    }

    static ChangeSet between(SnapshotManifest before, Path workspace, KeepRules rules, long maxFileBytes) {
        WorkspaceScan after = WorkspaceScanner.scan(workspace);
        List<PendingChange> kept = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        TreeSet<String> examples = new TreeSet<>();
        int byRule = 0;
        int tooLarge = 0;
        for (ScannedFile file : after.files().values()) {
            ManifestEntry old = before.files().get(file.path());
            if (old != null && old.size() == file.size() && old.executable() == file.executable()
                    && !rules.keeps(file.path())) {
                continue; // dropped either way: whether it changed does not matter, so do not read it
            }
            Optional<String> sha256 = old == null || old.size() != file.size() ? Optional.empty() : readableHash(file);
            if (old != null && sha256.isPresent() && old.sha256().equals(sha256.get()) && old.executable() == file.executable()) {
                continue;
            }
            if (!rules.keeps(file.path())) {
                byRule++;
                examples.add(file.path());
            } else if (file.size() > maxFileBytes) {
                tooLarge++;
                examples.add(file.path());
            } else {
                Optional<String> hash = sha256.isPresent() ? sha256 : readableHash(file);
                if (hash.isEmpty()) {
                    unreadable.add(file.path());
                } else {
                    kept.add(new PendingChange(old == null ? FileChange.Kind.ADDED : FileChange.Kind.MODIFIED, file.path(),
                            file.file(), hash.get(), file.size(), file.executable()));
                }
            }
        }
        for (Map.Entry<String, ManifestEntry> entry : before.files().entrySet()) {
            if (!after.files().containsKey(entry.getKey())) {
                if (rules.keeps(entry.getKey())) {
                    kept.add(new PendingChange(FileChange.Kind.DELETED, entry.getKey(), null, null, 0, false));
                } else {
                    byRule++;
                    examples.add(entry.getKey());
                }
            }
        }
        int unstorable = unreadable.size();
        examples.addAll(unreadable);
        for (String path : after.unstorable()) {
            if (rules.keeps(path)) {
                unstorable++;
            } else {
                byRule++;
            }
            examples.add(path);
        }
        kept.sort((a, b) -> a.path().compareTo(b.path()));
        List<String> firstExamples = examples.stream().limit(DroppedChanges.MAX_EXAMPLES).toList();
        return new ChangeSet(kept, new DroppedChanges(byRule, tooLarge, unstorable, firstExamples));
    }

    /** The file's hash, or empty when the command made it unreadable (it is then not stored). */
    private static Optional<String> readableHash(ScannedFile file) {
        try {
            return Optional.of(WorkspaceScanner.sha256(file.file()));
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }
}
