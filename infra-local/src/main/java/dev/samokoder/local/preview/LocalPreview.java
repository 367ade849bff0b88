package dev.samokoder.local.preview;

import dev.samokoder.sandbox.OutputTail;
import dev.samokoder.sandbox.SupervisedRun;
import dev.samokoder.services.preview.Preview;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** One preview this machine runs: its current sandbox command, the app's socket once exposed, and its last request. */
final class LocalPreview {

    private final Preview preview;
    private final CountDownLatch end = new CountDownLatch(1);
    private SupervisedRun command;
    private Path socket;
    private boolean answering;
    private Preview.Status finished;
    private String stopReason;
    private Instant lastRequest;

    LocalPreview(Preview preview) {
        this.preview = preview;
    }

    Preview preview() {
        return preview;
    }

    /** The install, then the command: each is the one a stop ends (one asked for before it started ends it at once). */
    synchronized void started(SupervisedRun next) {
        command = next;
        if (stopReason != null) {
            next.stop();
        }
    }

    synchronized void exposed(Path appSocket) {
        socket = appSocket;
    }

    /** The app answered its probe: from now on its idle time counts. */
    synchronized void answering(Instant at) {
        answering = true;
        lastRequest = at;
    }

    synchronized void finished(Preview.Status status) {
        finished = status;
    }

    void ended() {
        end.countDown();
    }

    synchronized void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        if (command != null) {
            command.stop();
        }
    }

    synchronized Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    boolean awaitEnd(Duration wait) {
        try {
            return end.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The app's socket while it answers and nothing stopped it; empty before (starting) and after (ended). */
    synchronized Optional<Path> servingSocket() {
        return answering && finished == null && stopReason == null ? Optional.of(socket) : Optional.empty();
    }

    /** Whether the preview ended (stopped or failed): its address then answers 410. */
    synchronized boolean over() {
        return finished != null || stopReason != null;
    }

    /** The tails of stdout and stderr of the command running now. */
    synchronized Optional<List<OutputTail>> output() {
        return Optional.ofNullable(command).map(c -> List.of(c.stdoutSoFar(), c.stderrSoFar()));
    }

    synchronized void requested(Instant at) {
        lastRequest = at;
    }

    /** How long since its last request; none while it starts (installs and builds may take long). */
    synchronized Duration idleFor(Instant now) {
        return answering ? Duration.between(lastRequest, now) : Duration.ZERO;
    }
}
