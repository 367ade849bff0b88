package dev.samokoder.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A workspace file the command added, modified or deleted, as written back to the snapshot.
 *
 * @param sha256 the new content's blob; null for a deletion
 * @param size the new content's size; null for a deletion
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileChange(String path, Kind kind, String sha256, Long size) {

    public enum Kind {
        ADDED,
        MODIFIED,
        DELETED
    }
}
