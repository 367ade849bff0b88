package dev.samokoder.runner;

import dev.samokoder.sandbox.SupervisedRun;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * When ECS stops the task (StopTask, from the reaper or a cancelled execution) the runner gets
 * SIGTERM and, 30 seconds later, SIGKILL. In between it kills the command's processes and lets
 * the main thread record the result (marked as stopped) before the JVM exits.
 */
final class StopOnTerminate {

    private static final long RECORD_PATIENCE_SECONDS = 25;
    private static final CountDownLatch FINISHED = new CountDownLatch(1);

    private StopOnTerminate() {
    }

    static void watch(SupervisedRun running) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.stop();
            try {
                FINISHED.await(RECORD_PATIENCE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sandbox-stop-on-terminate"));
    }

    static void finished() {
        FINISHED.countDown();
    }
}
