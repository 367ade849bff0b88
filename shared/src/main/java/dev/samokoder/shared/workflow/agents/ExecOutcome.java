package dev.samokoder.shared.workflow.agents;

import dev.samokoder.shared.blob.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a failed execution in the sandbox left: the command, its exit code and its output, capped
 * by the sandbox. The fix agents read it; its hash tells a repeated failure from a new one.
 */
public record ExecOutcome(List<String> command, int exitCode, String output, boolean timedOut) {

    public ExecOutcome {
        command = List.copyOf(command);
    }

    /**
     * The failure's fingerprint: the command and its output with durations, addresses and ports
     * blanked, since two runs of the same failing test differ in those alone.
     */
    public String failureHash() {
        String normalized = output
                .replaceAll("\\d+(\\.\\d+)?\\s*(ms|s|µs|ns)\\b", "<t>")
                // test runners' timings without a unit next to them (node:test's "duration_ms: 63.94")
                .replaceAll("(?i)(duration|elapsed|time)([_a-z]*)([\"':= ]+)\\d+(\\.\\d+)?", "$1$2$3<t>")
                .replaceAll("0x[0-9a-fA-F]+", "<addr>")
                .replaceAll(":\\d{2,5}\\b", ":<port>")
                .replaceAll("\\s+", " ")
                .strip();
        return BlobStore.sha256((String.join(" ", command) + "\n" + exitCode + "\n" + timedOut + "\n" + normalized)
                .getBytes(StandardCharsets.UTF_8));
    }
}
