package dev.samokoder.local.sfn.engine;

import dev.samokoder.local.sfn.engine.time.EngineScheduler;
import dev.samokoder.local.sfn.engine.time.RealTimeScheduler;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wall-clock scheduler, counting the engine's threads: those alive, and those blocked in {@link #await} (an
 * execution parked on its Wait timer is one). Lets a test wait for "every execution is parked" or "the stopped
 * execution's threads have all ended" instead of sleeping and hoping.
 */
final class CountingScheduler implements EngineScheduler {

    private final RealTimeScheduler delegate = new RealTimeScheduler();
    private final AtomicInteger alive = new AtomicInteger();
    private final AtomicInteger awaiting = new AtomicInteger();

    /** Engine threads started and not yet ended. */
    int alive() {
        return alive.get();
    }

    /** Engine threads blocked until a future completes. */
    int awaiting() {
        return awaiting.get();
    }

    @Override
    public Instant now() {
        return delegate.now();
    }

    @Override
    public TimerHandle schedule(Instant at, Runnable action) {
        return delegate.schedule(at, action);
    }

    @Override
    public void spawn(String name, Runnable task) {
        alive.incrementAndGet();
        delegate.spawn(name, () -> {
            try {
                task.run();
            } finally {
                alive.decrementAndGet();
            }
        });
    }

    @Override
    public <T> T await(CompletableFuture<T> future) {
        awaiting.incrementAndGet();
        try {
            return delegate.await(future);
        } finally {
            awaiting.decrementAndGet();
        }
    }

    @Override
    public void close() {
        delegate.close();
    }
}
