package dev.samokoder.sandbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a sandbox run did. Written to S3 by both runners ({@link RunStore}); the next workflow
 * step reads it there.
 *
 * @param exitCode the command's exit status; 128 + n when signal n ended it (the shell convention)
 * @param signal the name of that signal ({@code SIGKILL}), or null when the command exited by itself
 * @param limitsHit which limits stopped or constrained it
 * @param stoppedByReaper the reaper stopped it (its run was cancelled, or it outlived its limit)
 * @param snapshotKey the workspace after the run: a new manifest when kept files changed, else the request's
 * @param changes the kept changes, in path order
 * @param dropped the changes that were not kept
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunResult(String id, String runId, String projectId, int exitCode, String signal,
                        OutputTail stdout, OutputTail stderr, long durationMillis, LimitsHit limitsHit,
                        boolean stoppedByReaper, String snapshotKey, List<FileChange> changes, DroppedChanges dropped) {

    public RunResult {
        changes = List.copyOf(changes);
    }
}
