package dev.samokoder.local.sfn.engine;

/**
 * Unwinds a branch that must stop: the execution was stopped or timed out, or a sibling branch of a
 * Parallel or Map failed. Unchecked and distinct from {@link StateFailure} so that no Catch can catch it.
 */
final class ExecutionCancelled extends RuntimeException {

    ExecutionCancelled() {
        super("cancelled", null, false, false);
    }
}
