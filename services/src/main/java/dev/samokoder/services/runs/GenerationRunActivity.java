package dev.samokoder.services.runs;

import dev.samokoder.sandbox.RunActivity;
import dev.samokoder.sandbox.SandboxTask;

/**
 * The reaper's view of a sandbox task's generation run, read by the run id the task is tagged
 * with: a run that has ended, or whose user asked to cancel it, needs no more sandbox time. A
 * cancel does not stop the workflow's execution (the run ends at its next step, and that step
 * waits for the sandbox), so without this a cancelled run's sandbox would run to its time limit.
 * A task without a run id, or whose run is not found, is left to the other checks and its time
 * limit: not finding a run is no proof that it is over.
 */
public final class GenerationRunActivity implements RunActivity {

    private final RunRepository runs;

    public GenerationRunActivity(RunRepository runs) {
        this.runs = runs;
    }

    @Override
    public boolean isActive(SandboxTask task) {
        if (task.runId() == null) {
            return true;
        }
        return runs.get(task.runId()).map(run -> run.status().active() && !run.progress().cancelRequested()).orElse(true);
    }
}
