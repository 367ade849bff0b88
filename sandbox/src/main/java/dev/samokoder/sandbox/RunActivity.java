package dev.samokoder.sandbox;

import java.util.List;

/** Whether the run a sandbox task works for is still going; a cancelled or finished run's tasks are stopped. */
@FunctionalInterface
public interface RunActivity {

    boolean isActive(SandboxTask task);

    /** For runners with nothing to ask: every run counts as active, only time limits apply. */
    static RunActivity alwaysActive() {
        return task -> true;
    }

    /** Active only while every check says so, asked in order (the first that says no ends the asking). */
    static RunActivity allOf(RunActivity... checks) {
        List<RunActivity> all = List.of(checks);
        return task -> all.stream().allMatch(check -> check.isActive(task));
    }
}
