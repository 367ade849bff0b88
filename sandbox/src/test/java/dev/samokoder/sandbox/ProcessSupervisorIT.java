package dev.samokoder.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The supervisor with the plain launcher (trusted commands only): limits that do not need a sandbox. */
class ProcessSupervisorIT {

    @TempDir
    Path workspace;

    private CommandOutcome run(Duration limit, String script) {
        CommandSpec spec = new CommandSpec("t", List.of("/bin/sh", "-c", script), workspace, "", SandboxEnvironment.of(Map.of()), false);
        return new ProcessSupervisor(1024, 64 * 1024).start(DirectLauncher.unsandboxed(), spec, limit).await();
    }

    @Test
    void reportsTheExitCodeAndBothStreams() {
        // when
        CommandOutcome outcome = run(Duration.ofSeconds(10), "echo out; echo err >&2; exit 7");

        // then
        assertThat(outcome.exitCode()).isEqualTo(7);
        assertThat(outcome.stdout().text()).isEqualTo("out\n");
        assertThat(outcome.stderr().text()).isEqualTo("err\n");
        assertThat(outcome.limitsHit()).isEqualTo(LimitsHit.NONE);
    }

    @Test
    void theCommandSeesOnlyTheSandboxEnvironment() {
        // when
        CommandOutcome outcome = run(Duration.ofSeconds(10), "env | sort");

        // then
        assertThat(outcome.stdout().text()).contains("HOME=/tmp", "CI=true").doesNotContain("JAVA_HOME", "AWS_");
    }

    @Test
    void outputPastTheLimitKillsTheCommand_andTheTailIsKept() {
        // when: 1 GiB, far past the 64 KiB limit
        CommandOutcome outcome = run(Duration.ofSeconds(30), "head -c 1073741824 /dev/zero | tr '\\0' x; echo never");

        // then
        assertThat(outcome.limitsHit().output()).isTrue();
        assertThat(outcome.stdout().truncated()).isTrue();
        assertThat(outcome.stdout().totalBytes()).isGreaterThan(64 * 1024).isLessThan(1L << 30);
        assertThat(outcome.stdout().text()).hasSize(1024).matches("x+");
    }

    @Test
    void passingTheTimeLimitKillsTheWholeTree() throws Exception {
        // when: a background child that would write a file after the limit
        long started = System.nanoTime();
        CommandOutcome outcome = run(Duration.ofSeconds(1), "(sleep 3; touch late) & sleep 60");

        // then
        assertThat(outcome.limitsHit().time()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        await("the killed background child (it would have at 3 s) never writes 'late'").during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(4)).until(() -> !Files.exists(workspace.resolve("late")));
    }

    @Test
    void aStoppedCommandSaysSo() {
        // given
        CommandSpec spec = new CommandSpec("t", List.of("/bin/sleep", "60"), workspace, "", SandboxEnvironment.of(Map.of()), false);
        SupervisedRun running = new ProcessSupervisor(1024, 1024).start(DirectLauncher.unsandboxed(), spec, Duration.ofSeconds(60));

        // when
        running.stop();
        CommandOutcome outcome = running.await();

        // then
        assertThat(outcome.stopped()).isTrue();
        assertThat(outcome.exitCode()).isEqualTo(137);
        assertThat(Signals.fromExitCode(outcome.exitCode())).isEqualTo("SIGKILL");
    }

    @Test
    void aStopFromAnotherThreadEndsBeforeTheLaunchIsReleased() throws Exception {
        // given: a launcher whose tree kill is slow (as reading a cgroup can be on a busy machine), and that notes
        // whether the launch was released while a kill from outside was still under way
        AtomicBoolean killing = new AtomicBoolean();
        AtomicBoolean releasedWhileKilling = new AtomicBoolean();
        CountDownLatch launched = new CountDownLatch(1);
        CommandLauncher slowKill = spec -> {
            LaunchedCommand direct = DirectLauncher.unsandboxed().launch(spec);
            launched.countDown();
            return new LaunchedCommand() {
                @Override
                public Process process() {
                    return direct.process();
                }

                @Override
                public void killTree() {
                    boolean first = killing.compareAndSet(false, true);
                    direct.killTree();
                    if (first) {
                        pause(Duration.ofMillis(500)); // the command is dead by now: its supervisor would release at once
                        killing.set(false);
                    }
                }

                @Override
                public void release() {
                    releasedWhileKilling.compareAndSet(false, killing.get());
                }
            };
        };
        CommandSpec spec = new CommandSpec("t", List.of("/bin/sleep", "60"), workspace, "", SandboxEnvironment.of(Map.of()), false);
        SupervisedRun running = new ProcessSupervisor(1024, 1024).start(slowKill, spec, Duration.ofSeconds(60));
        assertThat(launched.await(10, TimeUnit.SECONDS)).as("the command started").isTrue();
        await("its supervisor waits for it").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .until(() -> supervisorWaitsForItsCommand(spec.id()));

        // when: the reaper stops it
        running.stop();
        CommandOutcome outcome = running.await();

        // then
        assertThat(outcome.stopped()).isTrue();
        assertThat(releasedWhileKilling).as("released while the stop was still killing the tree").isFalse();
    }

    /**
     * The run's supervising thread is in its waitFor: the launched command is registered, so a stop from now on
     * kills it from the stopping thread while the command's end wakes the supervisor.
     */
    private static boolean supervisorWaitsForItsCommand(String runId) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().equals("sandbox-" + runId))
                .flatMap(thread -> Arrays.stream(thread.getValue()))
                .anyMatch(frame -> frame.getClassName().equals(SupervisedRun.class.getName()) && frame.getMethodName().equals("waitFor"));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
