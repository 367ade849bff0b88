package dev.samokoder.services.runs.artifacts;

import java.time.Instant;
import java.util.List;

/**
 * One run of a task's commands and tests in the sandbox, as judged: what ran, how it ended, and
 * the capped output the fix agents read.
 *
 * @param number        1 for the task's first execution, then one per fix iteration
 * @param sandboxRunId  the sandbox run request's id (its result and output are under that id in S3)
 * @param failedCommand the command that failed (empty when every command passed)
 * @param failure       which kind of command failed: {@code TESTS}, {@code COMMAND}, or {@code NONE}
 * @param output        the tail of stdout and stderr, as capped by the sandbox
 */
public record Execution(int task, int number, String sandboxRunId, boolean passed, List<String> failedCommand, String failure,
                        int exitCode, boolean timedOut, long durationMillis, String output, int filesChanged, Instant at) {

    public Execution {
        failedCommand = List.copyOf(failedCommand);
    }
}
