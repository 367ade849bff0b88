package dev.samokoder.local.preview;

import dev.samokoder.local.sandbox.LocalSandbox;
import dev.samokoder.local.sandbox.SandboxUnavailableException;
import dev.samokoder.sandbox.RunRequest;
import dev.samokoder.sandbox.RunResult;
import dev.samokoder.sandbox.SupervisedRun;
import dev.samokoder.services.preview.Preview;
import dev.samokoder.services.preview.PreviewAccess;
import dev.samokoder.services.preview.PreviewGate;
import dev.samokoder.services.preview.PreviewLauncher;
import dev.samokoder.services.preview.PreviewOutcome;
import dev.samokoder.services.preview.PreviewRepository;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live previews on this machine: each one a run of the local sandbox (installs with the registries and the project's
 * package cache, then with no network the build and the start command in the foreground) whose app port is exposed
 * through a Unix socket, served by a {@link PreviewOrigin} of its project on a port of its own. A timer stops previews
 * idle for longer than the idle time; the run's time limit is the preview's maximum.
 */
public final class LocalPreviews implements PreviewLauncher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPreviews.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final LocalSandbox sandbox;
    private final PreviewRepository repository;
    private final PreviewAccess access;
    private final String host;
    private final Duration idle;
    private final Clock clock;
    private final Map<String, LocalPreview> running = new ConcurrentHashMap<>();
    private final Map<String, PreviewOrigin> origins = new ConcurrentHashMap<>();
    private final ScheduledExecutorService idleTimer;

    /**
     * @param host the address the preview origins listen on (the gateway's)
     * @param idle how long a preview may go without a request before it is stopped
     */
    public LocalPreviews(LocalSandbox sandbox, PreviewRepository repository, PreviewAccess access, String host, Duration idle,
                         Clock clock) {
        this.sandbox = sandbox;
        this.repository = repository;
        this.access = access;
        this.host = host;
        this.idle = idle;
        this.clock = clock;
        this.idleTimer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("preview-idle").daemon().factory());
        long every = Math.clamp(idle.toMillis() / 4, 200, 30_000);
        idleTimer.scheduleWithFixedDelay(this::stopIdle, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void start(Preview preview, RunRequest request, String probePath) {
        LocalPreview local = new LocalPreview(preview);
        running.put(preview.id(), local);
        origin(preview.projectId());
        origins.get(preview.projectId()).serve(local);
        Thread.ofPlatform().name("preview-" + preview.id()).daemon().start(() -> run(local, request, probePath));
    }

    private void run(LocalPreview local, RunRequest request, String probePath) {
        Preview preview = local.preview();
        try {
            RunResult result = sandbox.run(request, "preview-" + preview.id(), null, command -> {
                local.started(command);
                if (command.spec().exposePort() > 0) {
                    Path socket = LocalSandbox.appSocket(command);
                    local.exposed(socket);
                    Thread.ofVirtual().start(() -> probe(local, command, socket, probePath));
                }
            });
            ended(local, result);
        } catch (SandboxUnavailableException | RuntimeException e) {
            log.warn("preview {} of project {} could not run", preview.id(), preview.projectId(), e);
            record(local, Preview.Status.FAILED, "the sandbox could not start the preview: " + e.getMessage());
        } finally {
            running.remove(preview.id());
            local.ended();
        }
    }

    /** Asks the app for its probe path through the socket until it answers (any status below 500) or its run ends. */
    private void probe(LocalPreview local, SupervisedRun command, Path socket, String probePath) {
        while (!command.isDone()) {
            if (AppSocket.answers(socket, probePath)) {
                local.answering(clock.instant());
                repository.update(local.preview().projectId(), local.preview().id(), p -> p.with(Preview.Status.RUNNING, Optional.empty()));
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void ended(LocalPreview local, RunResult result) {
        Optional<String> stopReason = local.stopReason();
        Preview ended = stopReason.map(reason -> local.preview().with(Preview.Status.STOPPED, Optional.of(reason)))
                .orElseGet(() -> PreviewOutcome.ended(local.preview(), result));
        record(local, ended.status(), ended.message().orElse(""));
    }

    private void record(LocalPreview local, Preview.Status status, String message) {
        local.finished(status);
        try {
            repository.update(local.preview().projectId(), local.preview().id(), p -> p.with(status, Optional.of(message)));
        } catch (RuntimeException e) {
            log.error("preview {}: could not record that it {}", local.preview().id(), status, e);
        }
    }

    @Override
    public void stop(String previewId, String reason) {
        LocalPreview local = running.get(previewId);
        if (local == null) {
            return;
        }
        local.stop(reason);
        if (!local.awaitEnd(STOP_WAIT)) {
            log.warn("preview {} did not end within {} s of its stop", previewId, STOP_WAIT.toSeconds());
        }
    }

    /** The record is kept current as the preview goes; what it cannot know is a restart of the platform, which ended it. */
    @Override
    public Observation observe(Preview preview) {
        LocalPreview local = running.get(preview.id());
        if (local == null) {
            return new Observation(Optional.of(preview.with(Preview.Status.STOPPED,
                    Optional.of("the platform restarted, which stopped the preview; start it again"))), Optional.empty());
        }
        return new Observation(Optional.empty(), local.output().map(tails -> PreviewOutcome.log(tails.get(0), tails.get(1))));
    }

    @Override
    public URI origin(String projectId) {
        return origins.computeIfAbsent(projectId, id -> PreviewOrigin.open(host, new PreviewGate(access, PreviewGate.SAME_SITE_COOKIE, clock))).uri();
    }

    private void stopIdle() {
        try {
            for (LocalPreview local : List.copyOf(running.values())) {
                if (local.idleFor(clock.instant()).compareTo(idle) > 0) {
                    log.info("preview {} of project {}: no request for {} s, stopping it", local.preview().id(),
                            local.preview().projectId(), idle.toSeconds());
                    stop(local.preview().id(), "stopped after " + describe(idle) + " without a request");
                }
            }
        } catch (RuntimeException e) {
            log.error("stopping idle previews failed", e);
        }
    }

    private static String describe(Duration duration) {
        return duration.toSeconds() % 60 == 0 ? duration.toMinutes() + " minute(s)" : duration.toSeconds() + " s";
    }

    /** Stops every preview and closes the preview origins. */
    @Override
    public void close() {
        idleTimer.shutdownNow();
        for (String previewId : List.copyOf(running.keySet())) {
            stop(previewId, "the platform stopped");
        }
        origins.values().forEach(PreviewOrigin::close);
    }
}
