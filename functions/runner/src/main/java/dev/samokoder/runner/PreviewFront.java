package dev.samokoder.runner;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.domain.Project;
import dev.samokoder.sandbox.RunStore;
import dev.samokoder.services.preview.Preview;
import dev.samokoder.services.preview.PreviewGate;
import dev.samokoder.services.preview.PreviewRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.SocketChannel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preview front on AWS: behind the load balancer (which ends TLS for {@code *.<preview domain>}), each request's
 * host names the project ({@code prj-<id>.<domain>}); the project's preview record says which preview that is and
 * whether it is live, its run's {@code serving.json} where its task serves. The {@link PreviewGate} decides who gets
 * through; the front notes requests on the record about once a minute, which is what stops idle previews.
 */
final class PreviewFront implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PreviewFront.class);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final int MAX_CONNECTIONS = 512;
    private static final int MAX_REMEMBERED = 10_000;

    private final String domain;
    private final PreviewRepository previews;
    private final RunStore runs;
    private final PreviewGate gate;
    private final Clock clock;
    private final Map<String, String> endpoints = new ConcurrentHashMap<>();
    private final Map<String, Instant> touched = new ConcurrentHashMap<>();
    private ServerSocket server;

    PreviewFront(String domain, PreviewRepository previews, RunStore runs, PreviewGate gate, Clock clock) {
        this.domain = domain.toLowerCase(Locale.ROOT);
        this.previews = previews;
        this.runs = runs;
        this.gate = gate;
        this.clock = clock;
    }

    /** Listens on {@code port} (0: any free one) and serves until closed; returns the port. */
    int listen(int port) {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(port), MAX_CONNECTIONS);
        } catch (IOException e) {
            throw new UncheckedIOException("the preview front could not listen on port " + port, e);
        }
        gate.serve(server, head -> route(head.host()), MAX_CONNECTIONS);
        return server.getLocalPort();
    }

    /** The preview a host names: {@code prj-<id>.<domain>[:port]} → the project's preview, if it has one. */
    Optional<Target> route(String host) {
        return projectOf(host).flatMap(previews::get).map(Target::new);
    }

    Optional<String> projectOf(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        int colon = name.lastIndexOf(':');
        if (colon > 0 && !name.endsWith("]")) {
            name = name.substring(0, colon);
        }
        if (!name.endsWith("." + domain)) {
            return Optional.empty();
        }
        String projectId = name.substring(0, name.length() - domain.length() - 1).replace('-', '_');
        return Ids.isValid(Project.ID_PREFIX, projectId) ? Optional.of(projectId) : Optional.empty();
    }

    final class Target implements PreviewGate.Target {

        private final Preview preview;

        Target(Preview preview) {
            this.preview = preview;
        }

        @Override
        public String previewId() {
            return preview.id();
        }

        @Override
        public PreviewGate.State state() {
            if (!preview.status().live()) {
                endpoints.remove(preview.id());
                return PreviewGate.State.OVER;
            }
            return endpoint().isPresent() ? PreviewGate.State.SERVING : PreviewGate.State.STARTING;
        }

        private Optional<String> endpoint() {
            String known = endpoints.get(preview.id());
            if (known != null) {
                return Optional.of(known);
            }
            Optional<String> found = runs.serving(preview.id()).map(RunStore.Serving::endpoint);
            found.ifPresent(endpoint -> {
                if (endpoints.size() > MAX_REMEMBERED) {
                    endpoints.clear();
                }
                endpoints.put(preview.id(), endpoint);
            });
            return found;
        }

        @Override
        public SocketChannel connect() throws IOException {
            String endpoint = endpoint().orElseThrow(() -> new IOException("the preview does not serve yet"));
            int colon = endpoint.lastIndexOf(':');
            return SocketChannel.open(new InetSocketAddress(endpoint.substring(0, colon), Integer.parseInt(endpoint.substring(colon + 1))));
        }

        @Override
        public void requested(Instant at) {
            Instant last = touched.get(preview.id());
            if (last == null || Duration.between(last, at).compareTo(TOUCH_EVERY) >= 0) {
                if (touched.size() > MAX_REMEMBERED) {
                    touched.clear();
                }
                touched.put(preview.id(), at);
                try {
                    previews.touch(preview.projectId(), preview.id(), at);
                } catch (RuntimeException e) {
                    log.warn("preview {}: could not note its last request: {}", preview.id(), e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            log.debug("closing the preview front: {}", e.getMessage());
        }
    }
}
