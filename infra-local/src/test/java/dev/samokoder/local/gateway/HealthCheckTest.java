package dev.samokoder.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthCheckTest {

    private static final Duration TIMEOUT = Duration.ofMillis(500);

    @Test
    void everyComponentUp_isUpWithEachOnesLatency() {
        HealthCheck health = new HealthCheck(List.of(
                new HealthCheck.Probe("dynamodb", "http://127.0.0.1:1", () -> Thread.sleep(60)),
                new HealthCheck.Probe("s3", "http://127.0.0.1:2", () -> { })), TIMEOUT);

        HealthCheck.Report report = health.check();

        assertThat(report.up()).isTrue();
        assertThat(report.components()).containsOnlyKeys("dynamodb", "s3");
        assertThat(report.components().get("dynamodb").status()).isEqualTo("up");
        assertThat(report.components().get("dynamodb").latencyMs()).isBetween(60L, TIMEOUT.toMillis());
        assertThat(report.components().get("s3").latencyMs()).isLessThan(60L);
        assertThat(report.components().get("s3").endpoint()).isEqualTo("http://127.0.0.1:2");
    }

    @Test
    void aFailingOrStuckComponent_isDownWithWhyAndHowLongItTook_andTheWholeIsDown() {
        HealthCheck health = new HealthCheck(List.of(
                new HealthCheck.Probe("dynamodb", "http://127.0.0.1:1", () -> { }),
                new HealthCheck.Probe("s3", "http://127.0.0.1:2", () -> {
                    Thread.sleep(30);
                    throw new IllegalStateException("Connection refused");
                }),
                new HealthCheck.Probe("sqs", "http://127.0.0.1:3", () -> Thread.sleep(10_000))), TIMEOUT);

        long start = System.nanoTime();
        HealthCheck.Report report = health.check();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(report.up()).isFalse();
        assertThat(report.status()).isEqualTo("down");
        assertThat(report.components().get("dynamodb").status()).isEqualTo("up");
        HealthCheck.ComponentHealth s3 = report.components().get("s3");
        assertThat(s3.status()).isEqualTo("down");
        assertThat(s3.error()).isEqualTo("Connection refused");
        assertThat(s3.latencyMs()).isGreaterThanOrEqualTo(30L);
        HealthCheck.ComponentHealth sqs = report.components().get("sqs");
        assertThat(sqs.status()).isEqualTo("down");
        assertThat(sqs.latencyMs()).isEqualTo(TIMEOUT.toMillis());
        assertThat(sqs.error()).contains("no answer within 500 ms");
    }
}
