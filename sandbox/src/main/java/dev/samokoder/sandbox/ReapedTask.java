package dev.samokoder.sandbox;

/** A task the reaper stopped, why, and how long it had been running (in seconds). */
public record ReapedTask(String taskId, String runId, Reason reason, long ageSeconds) {

    public enum Reason {
        /** It outlived its time limit plus the grace period. */
        OVERDUE,
        /** Its run is no longer active (cancelled, failed or finished). */
        RUN_NOT_ACTIVE
    }
}
