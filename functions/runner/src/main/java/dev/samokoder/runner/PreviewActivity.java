package dev.samokoder.runner;

import dev.samokoder.sandbox.RunActivity;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.sandbox.SandboxTask;
import dev.samokoder.services.preview.Preview;
import dev.samokoder.services.preview.PreviewRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * For the reaper on AWS: a preview's task (its run id is the preview's, {@code pv_…}) is active while its preview is
 * the project's, live, and not idle. Idle is no request noted by the preview front for longer than the idle time,
 * counted from when the app began to serve (installs and builds are never idle); the first pass that finds it so
 * records why on the preview, then the reaper stops the task. Any other task is for the other activities to judge.
 */
final class PreviewActivity implements RunActivity {

    static final String PREVIEW_RUN_PREFIX = "pv_";

    private final PreviewRepository previews;
    private final RunStore runs;
    private final Duration idle;
    private final Clock clock;

    PreviewActivity(PreviewRepository previews, RunStore runs, Duration idle, Clock clock) {
        this.previews = previews;
        this.runs = runs;
        this.idle = idle;
        this.clock = clock;
    }

    @Override
    public boolean isActive(SandboxTask task) {
        if (task.runId() == null || !task.runId().startsWith(PREVIEW_RUN_PREFIX)) {
            return true;
        }
        String previewId = task.runId();
        String projectId = runs.getRequest(RunStore.requestKey(previewId)).projectId();
        Optional<Preview> preview = previews.get(projectId).filter(p -> p.id().equals(previewId) && p.status().live());
        if (preview.isEmpty()) {
            return false; // replaced, stopped or failed: its task has nothing left to serve
        }
        Optional<Instant> serving = runs.serving(previewId).map(RunStore.Serving::since);
        if (serving.isEmpty()) {
            return true;
        }
        Instant last = preview.get().lastRequestAt().filter(at -> at.isAfter(serving.get())).orElse(serving.get());
        if (Duration.between(last, clock.instant()).compareTo(idle) <= 0) {
            return true;
        }
        String why = "stopped after " + idle.toMinutes() + " minute(s) without a request";
        previews.update(projectId, previewId, p -> p.with(Preview.Status.STOPPED, Optional.of(why)));
        return false;
    }
}
