package dev.samokoder.services.runs.artifacts;

/** A task's steps, fix iterations included, would pass the configured bound: the task cannot go on. */
public final class TooManyStepsException extends RuntimeException {

    public TooManyStepsException(int task, int steps, int max) {
        super("task " + task + " would have " + steps + " steps; at most " + max + " are allowed");
    }
}
