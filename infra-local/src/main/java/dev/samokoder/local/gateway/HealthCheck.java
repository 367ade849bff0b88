package dev.samokoder.local.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    public HealthCheck(List<Probe> probes) {
        this.probes = List.copyOf(probes);
    }

    public Report check() {
        Map<String, ComponentHealth> results = new LinkedHashMap<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<Probe, Future<Long>> running = new LinkedHashMap<>();
            for (Probe probe : probes) {
                running.put(probe, pool.submit(() -> {
                    long start = System.nanoTime();
                    probe.call().run();
                    return (System.nanoTime() - start) / 1_000_000;
                }));
            }
            long deadline = System.nanoTime() + PROBE_TIMEOUT.toNanos();
            running.forEach((probe, future) -> results.put(probe.name(), outcome(probe, future, deadline)));
            running.values().forEach(future -> future.cancel(true));
        }
        boolean allUp = results.values().stream().allMatch(h -> h.status().equals("up"));
        return new Report(allUp ? "up" : "down", results);
    }

    private static ComponentHealth outcome(Probe probe, Future<Long> future, long deadline) {
        try {
            long latency = future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new ComponentHealth("up", latency, probe.endpoint(), null);
        } catch (TimeoutException e) {
            return new ComponentHealth("down", PROBE_TIMEOUT.toMillis(), probe.endpoint(), "no answer within " + PROBE_TIMEOUT.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ComponentHealth("down", 0, probe.endpoint(), "interrupted");
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return new ComponentHealth("down", 0, probe.endpoint(), message);
        }
    }
}
