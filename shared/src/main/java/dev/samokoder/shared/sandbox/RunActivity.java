package dev.samokoder.shared.sandbox;

/** Whether the run a sandbox task works for is still going; a cancelled or finished run's tasks are stopped. */
@FunctionalInterface
public interface RunActivity {

    boolean isActive(SandboxTask task);

    /** For runners with nothing to ask: every run counts as active, only time limits apply. */
    static RunActivity alwaysActive() {
        return task -> true;
    }
}
