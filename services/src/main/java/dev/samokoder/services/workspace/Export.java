package dev.samokoder.services.workspace;

import java.net.URL;
import java.time.Instant;

/** A finished export: where to download the zip, until when, and what it holds. */
public record Export(URL url, Instant expiresAt, long sizeBytes, int fileCount) {
}
