package dev.samokoder.local.sfn.engine.time;

import java.time.Instant;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Discrete-event time for tests. It counts busy engine threads; when none is busy and timers are
 * pending, the clock jumps to the earliest timer and fires it. Waits, retry intervals and timeouts
 * therefore keep their AWS semantics and ordering while taking no real time.
 *
 * <p>Only threads started by {@link #spawn} count, and they must block only through {@link #await};
 * a thread blocked any other way holds the clock still, which is safe but slow, never wrong.
 * Events arriving from outside (an HTTP SendTaskSuccess) are not awaited by the clock, so use
 * {@link RealTimeScheduler} when a test answers task tokens from its own thread.
 */
public final class VirtualTimeScheduler implements EngineScheduler {

    private final Object lock = new Object();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private final ExecutorService firing = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sfn-virtual-timers");
        thread.setDaemon(true);
        return thread;
    });
    private Instant now;
    private int busy;

    public VirtualTimeScheduler(Instant start) {
        this.now = start;
    }

    @Override
    public Instant now() {
        synchronized (lock) {
            return now;
        }
    }

    @Override
    public TimerHandle schedule(Instant at, Runnable action) {
        Timer timer = new Timer(at, sequence.incrementAndGet(), action);
        synchronized (lock) {
            timers.add(timer);
        }
        return () -> {
            synchronized (lock) {
                timers.remove(timer);
            }
        };
    }

    @Override
    public void spawn(String name, Runnable task) {
        markBusy();
        Thread.ofVirtual().name(name).start(() -> {
            try {
                task.run();
            } finally {
                markIdle();
            }
        });
    }

    @Override
    public <T> T await(CompletableFuture<T> future) {
        // The completer marks us busy synchronously, before the clock can look at the count again.
        CompletableFuture<T> resumed = future.whenComplete((value, error) -> markBusy());
        markIdle();
        return resumed.join();
    }

    @Override
    public void close() {
        firing.shutdownNow();
    }

    private void markBusy() {
        synchronized (lock) {
            busy++;
        }
    }

    private void markIdle() {
        Timer due;
        synchronized (lock) {
            busy--;
            if (busy > 0 || timers.isEmpty()) {
                return;
            }
            due = timers.poll();
            if (due.at.isAfter(now)) {
                now = due.at;
            }
            busy++;
        }
        Timer fire = due;
        firing.execute(() -> {
            try {
                fire.action.run();
            } finally {
                markIdle();
            }
        });
    }

    private record Timer(Instant at, long sequence, Runnable action) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
