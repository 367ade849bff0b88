package dev.samokoder.sandbox;

import java.util.List;

/**
 * Changes that were not written back, counted by reason, with the first few paths as examples.
 *
 * @param byRule changed files a {@link KeepRule} dropped (dependency folders, caches)
 * @param tooLarge files over the blob store's size limit
 * @param unstorable symbolic links, sockets, pipes and devices the command created, and paths a
 *                   workspace cannot hold (see {@code WorkspacePath})
 * @param examples up to {@link #MAX_EXAMPLES} of those paths, in path order
 */
public record DroppedChanges(int byRule, int tooLarge, int unstorable, List<String> examples) {

    public static final int MAX_EXAMPLES = 20;
    public static final DroppedChanges NONE = new DroppedChanges(0, 0, 0, List.of());

    public DroppedChanges {
        examples = List.copyOf(examples);
    }

    public int total() {
        return byRule + tooLarge + unstorable;
    }
}
