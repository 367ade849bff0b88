package dev.samokoder.local.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Probes every component in parallel, each with a time limit, and reports each as up or down with
 * its latency. A probe is a real call through the component's AWS SDK client.
 */
public final class HealthCheck {

    /** One component: a name and a call that throws when the component does not answer properly. */
    public record Probe(String name, String endpoint, ProbeCall call) {
    }

    @FunctionalInterface
    public interface ProbeCall {
        void run() throws Exception;
    }

    public record ComponentHealth(String status, long latencyMs, String endpoint, String error) {
    }

    public record Report(String status, Map<String, ComponentHealth> components) {
        public boolean up() {
            return "up".equals(status);
        }
    }

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private final List<Probe> probes;
    private final Duration timeout;

    public HealthCheck(List<Probe> probes) {
        this(probes, PROBE_TIMEOUT);
    }

    /** @param timeout how long every probe together may take; a probe still running then is down */
    HealthCheck(List<Probe> probes, Duration timeout) {
        this.probes = List.copyOf(probes);
        this.timeout = timeout;
    }

    public Report check() {
        Map<String, ComponentHealth> results = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<Probe, Future<ComponentHealth>> running = new LinkedHashMap<>();
            for (Probe probe : probes) {
                running.put(probe, pool.submit(() -> run(probe)));
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            running.forEach((probe, future) -> results.put(probe.name(), outcome(probe, future, deadline)));
            running.values().forEach(future -> future.cancel(true));
        }
        boolean allUp = results.values().stream().allMatch(h -> h.status().equals("up"));
        return new Report(allUp ? "up" : "down", results);
    }

    /** One probe, timed whether it answers or fails (a refused connection is fast, a stuck one is not). */
    private static ComponentHealth run(Probe probe) {
        long start = System.nanoTime();
        try {
            probe.call().run();
            return new ComponentHealth("up", millisSince(start), probe.endpoint(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ComponentHealth("down", millisSince(start), probe.endpoint(), "interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() != null && e.getMessage() == null ? e.getCause() : e;
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return new ComponentHealth("down", millisSince(start), probe.endpoint(), message);
        }
    }

    private ComponentHealth outcome(Probe probe, Future<ComponentHealth> future, long deadline) {
        try {
            return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new ComponentHealth("down", timeout.toMillis(), probe.endpoint(), "no answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ComponentHealth("down", 0, probe.endpoint(), "interrupted");
        } catch (ExecutionException e) {
            return new ComponentHealth("down", 0, probe.endpoint(), String.valueOf(e.getCause()));
        }
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
