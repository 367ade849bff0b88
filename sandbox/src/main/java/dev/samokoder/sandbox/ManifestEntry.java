package dev.samokoder.sandbox;

import dev.samokoder.core.blob.BlobRef;

/** One file of a snapshot: its content's blob and whether it is executable. */
public record ManifestEntry(String sha256, long size, boolean executable) {

    public ManifestEntry {
        new BlobRef(sha256, size); // validates the hash and the size
    }
}
