package dev.samokoder.core.queue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackoffTest {

    @Test
    void doublesFromTheBaseUpToTheMaximum() {
        RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(5));

        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(backoff.after(9)).isEqualTo(RetryBackoff.MAX);
        assertThat(backoff.after(10_000)).isEqualTo(RetryBackoff.MAX);
    }

    @Test
    void aZeroBaseRetriesAtOnce() {
        assertThat(new RetryBackoff(Duration.ZERO).after(3)).isZero();
    }
}
