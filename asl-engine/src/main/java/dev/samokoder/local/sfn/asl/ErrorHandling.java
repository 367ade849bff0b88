package dev.samokoder.local.sfn.asl;

import java.util.List;

/** The Retry and Catch fields of a Task, Parallel or Map state. */
public record ErrorHandling(List<Retrier> retriers, List<Catcher> catchers) {

    public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());
}
