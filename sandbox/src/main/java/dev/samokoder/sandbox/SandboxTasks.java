package dev.samokoder.sandbox;

import java.util.List;

/** The sandbox tasks of one runner: ECS tasks on the sandbox cluster, or the local runner's process table. */
public interface SandboxTasks {

    /** Every task still running (or starting). */
    List<SandboxTask> running();

    /** Stops the task and everything it runs; the reason is recorded where the runner records stops. */
    void stop(SandboxTask task, String reason);
}
