package dev.samokoder.services.runs.artifacts;

import java.util.List;
import java.util.Optional;

/**
 * One step of a task: save a file ({@code path} and {@code instructions}) or run a command
 * ({@code argv}). A command the policy refused is stored FAILED with the reason, so the Developer
 * sees it on its next round.
 *
 * @param after for a file: the task's other files to be written before it (the code a test
 *              tests, a module it imports), so its CodeMonkey can read them
 */
public record TaskStep(int task, int number, StepKind kind, Optional<String> path, String instructions, List<String> argv,
                       StepStatus status, Optional<String> failure, long version, List<String> after) {

    public TaskStep {
        argv = List.copyOf(argv);
        after = List.copyOf(after);
    }

    public TaskStep(int task, int number, StepKind kind, Optional<String> path, String instructions, List<String> argv,
                    StepStatus status, Optional<String> failure, long version) {
        this(task, number, kind, path, instructions, argv, status, failure, version, List.of());
    }

    public enum StepKind { SAVE_FILE, RUN_COMMAND }

    public enum StepStatus { PENDING, DONE, FAILED }

    public static TaskStep saveFile(int task, int number, String path, String instructions) {
        return new TaskStep(task, number, StepKind.SAVE_FILE, Optional.of(path), instructions, List.of(), StepStatus.PENDING,
                Optional.empty(), 0);
    }

    /** A file written after the task's files {@code after}. */
    public static TaskStep saveFile(int task, int number, String path, String instructions, List<String> after) {
        return new TaskStep(task, number, StepKind.SAVE_FILE, Optional.of(path), instructions, List.of(), StepStatus.PENDING,
                Optional.empty(), 0, after);
    }

    public static TaskStep runCommand(int task, int number, List<String> argv) {
        return new TaskStep(task, number, StepKind.RUN_COMMAND, Optional.empty(), "", argv, StepStatus.PENDING, Optional.empty(), 0);
    }

    public static TaskStep refusedCommand(int task, int number, List<String> argv, String reason) {
        return new TaskStep(task, number, StepKind.RUN_COMMAND, Optional.empty(), "", argv, StepStatus.FAILED, Optional.of(reason), 0);
    }

    public boolean pendingFile() {
        return kind == StepKind.SAVE_FILE && status == StepStatus.PENDING;
    }

    public TaskStep done() {
        return new TaskStep(task, number, kind, path, instructions, argv, StepStatus.DONE, Optional.empty(), version, after);
    }
}
