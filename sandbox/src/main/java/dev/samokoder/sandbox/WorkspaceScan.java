package dev.samokoder.sandbox;

import java.util.List;
import java.util.SortedMap;

/**
 * A workspace as found on disk: its regular files by workspace path, and what it held that a
 * snapshot cannot (links, pipes, sockets, devices, paths a workspace does not allow).
 */
record WorkspaceScan(SortedMap<String, ScannedFile> files, List<String> unstorable) {
}
