package dev.samokoder.sandbox;

import java.time.Duration;

/**
 * Runs commands under the limits every runner shares: a wall-clock time limit, a cap on the
 * output kept (the tail of each stream) and a limit on the output written at all. Passing the
 * time or the output limit kills the whole process tree.
 */
public final class ProcessSupervisor {

    private final int tailBytes;
    private final long outputLimitBytes;

    /**
     * @param tailBytes bytes kept of each stream (the last ones)
     * @param outputLimitBytes bytes both streams together may carry before the command is killed
     */
    public ProcessSupervisor(int tailBytes, long outputLimitBytes) {
        this.tailBytes = tailBytes;
        this.outputLimitBytes = outputLimitBytes;
    }

    /** Starts the command on a thread of its own and returns at once; {@link SupervisedRun#await()} waits for the end. */
    public SupervisedRun start(CommandLauncher launcher, CommandSpec spec, Duration timeLimit) {
        SupervisedRun run = new SupervisedRun(launcher, spec, timeLimit, tailBytes, outputLimitBytes);
        run.start();
        return run;
    }
}
