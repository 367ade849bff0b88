package dev.samokoder.local.sfn.engine.time;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Time and concurrency for the engine. Executions never sleep: a Wait, a retry interval or a timeout is a
 * timer that completes a future, and an execution blocks only through {@link #await}. That lets tests
 * swap in {@link VirtualTimeScheduler}, where time jumps to the next timer as soon as every execution is
 * waiting, so a one-hour Wait takes no real time.
 */
public interface EngineScheduler extends AutoCloseable {

    Instant now();

    /** Runs {@code action} at {@code at}; the action must be short (it typically completes a future). */
    TimerHandle schedule(Instant at, Runnable action);

    /** Runs {@code task} on a new virtual thread that counts as busy until it ends. */
    void spawn(String name, Runnable task);

    /** Blocks the calling engine thread until the future completes, counting it as idle meanwhile. */
    <T> T await(CompletableFuture<T> future);

    /** A future completed when {@code at} arrives. */
    default CompletableFuture<Void> timer(Instant at) {
        CompletableFuture<Void> fired = new CompletableFuture<>();
        TimerHandle handle = schedule(at, () -> fired.complete(null));
        fired.whenComplete((ignored, error) -> handle.cancel());
        return fired;
    }

    @Override
    void close();

    /** A scheduled action that can be called off. */
    interface TimerHandle {
        void cancel();
    }
}
