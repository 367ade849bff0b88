package dev.samokoder.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops sandbox tasks that must not be running: those past their time limit plus a grace period
 * (the runner's own timeout failed or the runner died), and those whose run is no longer active.
 * The same logic runs over ECS (a scheduled Lambda) and over the local runner's process table.
 * Every stop is logged with the task, the run and the reason, and returned in the report.
 */
public final class SandboxReaper {

    private static final Logger log = LoggerFactory.getLogger(SandboxReaper.class);

    private final SandboxTasks tasks;
    private final RunActivity activity;
    private final Duration grace;
    private final Duration maxTimeLimit;
    private final Clock clock;

    /**
     * @param grace how long past its limit a task may still be finishing (uploading its result)
     * @param maxTimeLimit the limit assumed for a task that does not say its own
     */
    public SandboxReaper(SandboxTasks tasks, RunActivity activity, Duration grace, Duration maxTimeLimit, Clock clock) {
        this.tasks = tasks;
        this.activity = activity;
        this.grace = grace;
        this.maxTimeLimit = maxTimeLimit;
        this.clock = clock;
    }

    public ReapReport reap() {
        Instant now = clock.instant();
        List<SandboxTask> running = tasks.running();
        List<ReapedTask> stopped = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (SandboxTask task : running) {
            try {
                ReapedTask.Reason reason = reasonToStop(task, now);
                if (reason == null) {
                    continue;
                }
                long age = Duration.between(task.startedAt(), now).toSeconds();
                tasks.stop(task, "samokoder reaper: " + describe(reason));
                stopped.add(new ReapedTask(task.taskId(), task.runId(), reason, age));
                log.warn("sandbox reaper stopped task {} of run {}: {} (running for {} s)", task.taskId(), task.runId(), describe(reason), age);
            } catch (RuntimeException e) {
                failures.add(task.taskId() + ": " + e.getMessage());
                log.error("sandbox reaper could not check or stop task {} of run {}", task.taskId(), task.runId(), e);
            }
        }
        return new ReapReport(now, running.size(), stopped, failures);
    }

    private ReapedTask.Reason reasonToStop(SandboxTask task, Instant now) {
        Duration limit = task.timeLimit() == null ? maxTimeLimit : task.timeLimit();
        if (task.startedAt().plus(limit).plus(grace).isBefore(now)) {
            return ReapedTask.Reason.OVERDUE;
        }
        return activity.isActive(task) ? null : ReapedTask.Reason.RUN_NOT_ACTIVE;
    }

    private static String describe(ReapedTask.Reason reason) {
        return switch (reason) {
            case OVERDUE -> "past its time limit and grace period";
            case RUN_NOT_ACTIVE -> "its run is no longer active";
        };
    }
}
