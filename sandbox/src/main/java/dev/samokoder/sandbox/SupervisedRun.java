package dev.samokoder.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One command under supervision. A platform thread launches it and waits for it (the sandbox dies
 * with the thread that started it, so that thread must outlive the command); two virtual threads
 * drain stdout and stderr into their tails.
 */
public final class SupervisedRun {

    private static final Duration DRAIN_WAIT = Duration.ofSeconds(5);

    private final CommandLauncher launcher;
    private final CommandSpec spec;
    private final Duration timeLimit;
    private final TailBuffer stdout;
    private final TailBuffer stderr;
    private final long outputLimitBytes;
    private final CompletableFuture<CommandOutcome> outcome = new CompletableFuture<>();
    private final Object lock = new Object();
    private LaunchedCommand launched;
    private boolean killRequested;
    private boolean released;
    private volatile boolean timedOut;
    private volatile boolean outputExceeded;
    private volatile boolean stopped;

    SupervisedRun(CommandLauncher launcher, CommandSpec spec, Duration timeLimit, int tailBytes, long outputLimitBytes) {
        this.launcher = launcher;
        this.spec = spec;
        this.timeLimit = timeLimit;
        this.stdout = new TailBuffer(tailBytes);
        this.stderr = new TailBuffer(tailBytes);
        this.outputLimitBytes = outputLimitBytes;
    }

    void start() {
        Thread.ofPlatform().name("sandbox-" + spec.id()).daemon().start(this::supervise);
    }

    /** Kills the command's process tree from outside (the reaper); the outcome says it was stopped. */
    public void stop() {
        stopped = true;
        kill();
    }

    public CommandSpec spec() {
        return spec;
    }

    /** The tail of what the command wrote to stdout so far (a live log). */
    public OutputTail stdoutSoFar() {
        return stdout.tail();
    }

    /** The tail of what the command wrote to stderr so far (a live log). */
    public OutputTail stderrSoFar() {
        return stderr.tail();
    }

    public boolean isDone() {
        return outcome.isDone();
    }

    /** Waits for the end; a command that could not be launched throws {@link SandboxLaunchException}. */
    public CommandOutcome await() {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new SandboxLaunchException("interrupted while waiting for sandbox run " + spec.id(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new SandboxLaunchException("sandbox run " + spec.id() + " failed", e.getCause());
        }
    }

    private void supervise() {
        long started = System.nanoTime();
        LaunchedCommand command;
        try {
            command = launcher.launch(spec);
        } catch (IOException | RuntimeException e) {
            outcome.completeExceptionally(e instanceof SandboxLaunchException launch ? launch
                    : new SandboxLaunchException("could not start the command: " + e.getMessage(), e));
            return;
        }
        try {
            Process process = command.process();
            synchronized (lock) {
                launched = command;
                if (killRequested) {
                    command.killTree();
                }
            }
            closeQuietly(process.getOutputStream());
            Thread out = Thread.ofVirtual().start(() -> drain(process.getInputStream(), stdout));
            Thread err = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), stderr));
            if (!waitFor(process, timeLimit)) {
                timedOut = true;
                kill();
                waitFor(process, null);
            }
            command.killTree(); // whatever the command left running in the background goes too
            if (!join(out) | !join(err)) {
                closeQuietly(process.getInputStream());
                closeQuietly(process.getErrorStream());
                join(out);
                join(err);
            }
            LimitsHit resources = command.limitsHit();
            outcome.complete(new CommandOutcome(process.exitValue(), stdout.tail(), stderr.tail(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    new LimitsHit(timedOut, resources.memory(), outputExceeded, resources.processes()), stopped));
        } catch (RuntimeException | Error e) {
            command.killTree();
            outcome.completeExceptionally(e);
        } finally {
            // Under the lock: a stop from another thread (the reaper) may still be killing the tree,
            // reading the run's cgroup, when the command's end lets this thread get here; releasing
            // (removing that cgroup) in the middle of it made the stop fail.
            synchronized (lock) {
                released = true;
                command.release();
            }
        }
    }

    private void kill() {
        synchronized (lock) {
            killRequested = true;
            if (launched != null && !released) {
                launched.killTree();
            }
        }
    }

    private void drain(InputStream stream, TailBuffer tail) {
        byte[] buffer = new byte[16 * 1024];
        try (stream) {
            for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
                tail.append(buffer, 0, read);
                if (!outputExceeded && stdout.total() + stderr.total() > outputLimitBytes) {
                    outputExceeded = true;
                    Thread.ofVirtual().start(this::kill); // keep draining meanwhile, so the writers are not blocked
                }
            }
        } catch (IOException e) {
            // closed by supervise() because leftover processes held the pipe open: what was read is kept
        }
    }

    private static boolean waitFor(Process process, Duration limit) {
        while (true) {
            try {
                if (limit == null) {
                    process.waitFor();
                    return true;
                }
                return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                // this thread belongs to the run: keep waiting, the process must not be orphaned
            }
        }
    }

    private static boolean join(Thread thread) {
        try {
            return thread.join(DRAIN_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing to do: the stream is gone either way
        }
    }
}
