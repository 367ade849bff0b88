package dev.samokoder.local.sfn.engine.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Wall-clock scheduler: one platform thread fires timers, executions run on virtual threads. */
public final class RealTimeScheduler implements EngineScheduler {

    private final Clock clock;
    private final ScheduledExecutorService timers;

    public RealTimeScheduler() {
        this(Clock.systemUTC());
    }

    public RealTimeScheduler(Clock clock) {
        this.clock = clock;
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sfn-timers");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public TimerHandle schedule(Instant at, Runnable action) {
        long delayMillis = Math.max(0, Duration.between(now(), at).toMillis());
        ScheduledFuture<?> future = timers.schedule(action, delayMillis, TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void spawn(String name, Runnable task) {
        Thread.ofVirtual().name(name).start(task);
    }

    @Override
    public <T> T await(CompletableFuture<T> future) {
        return future.join();
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }
}
