package dev.samokoder.local.sandbox;

import dev.samokoder.sandbox.CommandOutcome;
import dev.samokoder.sandbox.Signals;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Commands that try to exhaust the machine are stopped, reported as such, and leave the platform healthy. */
class SandboxLimitsIT {

    private static SandboxFixture sandbox;

    @BeforeAll
    static void start() throws Exception {
        sandbox = new SandboxFixture();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    /** After each attack: nothing of it is left, and a new sandbox (and the host) still work. */
    @AfterEach
    void platformStaysHealthy() throws Exception {
        SandboxFixture.awaitNoProcessLeft();
        assertThat(sandbox.run("echo healthy").stdout().text()).isEqualTo("healthy\n");
        assertThat(new ProcessBuilder("/bin/true").start().waitFor()).isZero();
    }

    @Test
    void aForkBombHitsTheProcessLimitAndIsKilledAtTheTimeLimit() {
        // when: the bomb goes off in a subshell (the one fork the shell itself makes comes first), while the shell stays
        // alive in a builtin loop: once the bomb holds every pid, a shell that had to fork would exit ("Cannot fork")
        long started = System.nanoTime();
        CommandOutcome outcome = sandbox.run(Duration.ofSeconds(3), false, workspace -> { },
                "( bomb() { bomb | bomb & }; bomb ) & while :; do :; done");

        // then
        assertThat(outcome.limitsHit().processes()).isTrue();
        assertThat(outcome.limitsHit().time()).isTrue();
        assertThat(Signals.fromExitCode(outcome.exitCode())).isEqualTo("SIGKILL");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void aCrashLeavesNoCoreDump() {
        // when: the limit as the command sees it, and a process that aborts
        CommandOutcome outcome = sandbox.run(Duration.ofSeconds(10), false, workspace -> { },
                "ulimit -c; ulimit -c unlimited 2>/dev/null && echo raised; sh -c 'kill -ABRT $$'; ls core* 2>/dev/null | wc -l");

        // then: core dumps are off and cannot be turned back on (the hard limit is 0 too)
        assertThat(outcome.stdout().text()).isEqualTo("0\n0\n");
    }

    @Test
    void aMemoryHogIsKilledForMemory() {
        // when: allocate (and touch) 16 MiB at a time, far past the limit
        CommandOutcome outcome = sandbox.run(Duration.ofSeconds(30), false, workspace -> { },
                "node -e 'const a = []; for (;;) a.push(Buffer.alloc(16 << 20, 1))'");

        // then
        assertThat(outcome.limitsHit().memory()).isTrue();
        assertThat(outcome.limitsHit().time()).isFalse();
        assertThat(outcome.exitCode()).isEqualTo(137);
    }

    @Test
    void aBusyLoopIsKilledAtTheTimeLimit() {
        // when
        long started = System.nanoTime();
        CommandOutcome outcome = sandbox.run(Duration.ofSeconds(2), false, workspace -> { }, "node -e 'for (;;) {}'");

        // then
        assertThat(outcome.limitsHit().time()).isTrue();
        assertThat(outcome.limitsHit().memory()).isFalse();
        assertThat(outcome.exitCode()).isEqualTo(137);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    @Test
    void aGigabyteOfOutputIsCapped_theTailIsKeptAndMarkedTruncated() {
        // when
        CommandOutcome outcome = sandbox.run(Duration.ofSeconds(60), false, workspace -> { },
                "head -c 1073741824 /dev/zero | tr '\\0' x; echo never-reached");

        // then
        assertThat(outcome.limitsHit().output()).isTrue();
        assertThat(outcome.stdout().truncated()).isTrue();
        assertThat(outcome.stdout().totalBytes()).isGreaterThan(SandboxFixture.OUTPUT_LIMIT_BYTES).isLessThan(1L << 30);
        assertThat(outcome.stdout().text()).hasSize(SandboxFixture.TAIL_BYTES).matches("x+");
    }
}
