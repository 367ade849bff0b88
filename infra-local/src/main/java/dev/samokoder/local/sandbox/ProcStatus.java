package dev.samokoder.local.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads this process's real uid and gid from /proc/self/status (Java has no getuid()). */
final class ProcStatus {

    private ProcStatus() {
    }

    /** The first number on the line that starts with {@code key}: (e.g. "Uid:"), the real id. */
    static long value(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/status", e);
        }
        throw new IllegalStateException("/proc/self/status has no " + key);
    }
}
