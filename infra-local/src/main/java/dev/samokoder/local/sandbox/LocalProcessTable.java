package dev.samokoder.local.sandbox;

import dev.samokoder.sandbox.SandboxTask;
import dev.samokoder.sandbox.SandboxTasks;
import dev.samokoder.sandbox.SupervisedRun;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The local runner's running sandboxes, which the reaper reads and stops, as it does ECS tasks on AWS. */
final class LocalProcessTable implements SandboxTasks {

    private static final Logger log = LoggerFactory.getLogger(LocalProcessTable.class);

    private record Entry(SandboxTask task, SupervisedRun run) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    void add(SandboxTask task, SupervisedRun run) {
        entries.put(task.taskId(), new Entry(task, run));
    }

    void remove(String taskId) {
        entries.remove(taskId);
    }

    @Override
    public List<SandboxTask> running() {
        return entries.values().stream().filter(entry -> !entry.run().isDone()).map(Entry::task).toList();
    }

    @Override
    public void stop(SandboxTask task, String reason) {
        Entry entry = entries.get(task.taskId());
        if (entry != null) {
            log.warn("stopping sandbox task {} of run {}: {}", task.taskId(), task.runId(), reason);
            entry.run().stop();
        }
    }

    /** The platform is stopping: nothing may outlive it. */
    void stopAll() {
        entries.values().forEach(entry -> entry.run().stop());
    }
}
