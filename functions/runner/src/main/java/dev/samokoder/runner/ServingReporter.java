package dev.samokoder.runner;

import dev.samokoder.sandbox.RunStore;
import dev.samokoder.sandbox.SupervisedRun;
import dev.samokoder.services.preview.PreviewOutcome;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run that serves an app (a live preview, {@code RunRequest.exposePort}) tells the platform through its run's S3
 * prefix, as it tells its result: {@code serving.json} (the task's address and the port) once the app accepts
 * connections on its port, and {@code log.txt}, the tail of the command's output, while it runs. The runner's role
 * writes nothing else about it: the preview's record is the API's and the preview front's to change.
 */
final class ServingReporter {

    private static final Logger log = LoggerFactory.getLogger(ServingReporter.class);
    private static final Duration PROBE_EVERY = Duration.ofMillis(500);
    private static final Duration LOG_EVERY = Duration.ofSeconds(5);

    private final RunStore runs;
    private final String runId;
    private final Supplier<String> endpoint;
    private final Clock clock;

    /** @param endpoint where the platform reaches the app in the task's VPC (address and serving port), asked once it listens */
    ServingReporter(RunStore runs, String runId, Supplier<String> endpoint, Clock clock) {
        this.runs = runs;
        this.runId = runId;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /** Follows one command of the run: the install's output, then the app's, and where the app serves. */
    void follow(SupervisedRun command) {
        Thread.ofVirtual().name("serving-" + runId).start(() -> report(command));
    }

    private void report(SupervisedRun command) {
        int port = command.spec().exposePort();
        boolean serving = false;
        String written = "";
        long lastLog = 0;
        while (!command.isDone()) {
            try {
                if (port > 0 && !serving && listens(port)) {
                    runs.putServing(runId, new RunStore.Serving(endpoint.get(), clock.instant()));
                    serving = true;
                    log.info("sandbox run {} serves on port {}", runId, port);
                }
                if (System.nanoTime() - lastLog >= LOG_EVERY.toNanos()) {
                    written = writeLog(command, written);
                    lastLog = System.nanoTime();
                }
                Thread.sleep(PROBE_EVERY);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("sandbox run {}: could not report its state: {}", runId, e.getMessage());
            }
        }
        try {
            writeLog(command, written);
        } catch (RuntimeException e) {
            log.warn("sandbox run {}: could not write its last log: {}", runId, e.getMessage());
        }
    }

    private String writeLog(SupervisedRun command, String written) {
        String text = PreviewOutcome.log(command.stdoutSoFar(), command.stderrSoFar());
        if (!text.equals(written)) {
            runs.putLog(runId, text);
        }
        return text;
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
