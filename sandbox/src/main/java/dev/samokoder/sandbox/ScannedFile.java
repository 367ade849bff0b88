package dev.samokoder.sandbox;

import java.nio.file.Path;

/** A regular file found in a workspace after a run; its hash is computed only when needed. */
record ScannedFile(String path, Path file, long size, boolean executable) {
}
