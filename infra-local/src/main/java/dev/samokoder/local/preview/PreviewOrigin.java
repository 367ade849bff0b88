package dev.samokoder.local.preview;

import dev.samokoder.services.preview.PreviewGate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The origin a project's previews are served from locally: a port of its own on the gateway's address, so the app's
 * pages are never of the platform's origin (they cannot read the web app's storage or call the API with its tokens).
 * Who gets through, and how, is the {@link PreviewGate}'s; this listens, and knows the project's current preview.
 */
final class PreviewOrigin implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PreviewOrigin.class);
    /** At most this many connections at once; more wait in the listen backlog. */
    private static final int MAX_CONNECTIONS = 64;

    private final ServerSocket server;
    private final URI uri;
    private volatile LocalPreview current;

    private PreviewOrigin(ServerSocket server, URI uri) {
        this.server = server;
        this.uri = uri;
    }

    static PreviewOrigin open(String host, PreviewGate gate) {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(host), 0), MAX_CONNECTIONS);
            URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getLocalPort());
            PreviewOrigin origin = new PreviewOrigin(server, uri);
            gate.serve(server, head -> Optional.ofNullable(origin.current).map(Target::new), MAX_CONNECTIONS);
            return origin;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a port for a preview on " + host, e);
        }
    }

    URI uri() {
        return uri;
    }

    /** From now on this origin serves {@code preview} (the project's newest). */
    void serve(LocalPreview preview) {
        current = preview;
    }

    /** A local preview as the gate sees it: the app behind the socket its sandbox listens on. */
    private record Target(LocalPreview preview) implements PreviewGate.Target {

        @Override
        public String previewId() {
            return preview.preview().id();
        }

        @Override
        public PreviewGate.State state() {
            return preview.over() ? PreviewGate.State.OVER
                    : preview.servingSocket().isPresent() ? PreviewGate.State.SERVING : PreviewGate.State.STARTING;
        }

        @Override
        public SocketChannel connect() throws IOException {
            Path socket = preview.servingSocket().orElseThrow(() -> new IOException("the preview no longer serves"));
            return AppSocket.connect(socket);
        }

        @Override
        public void requested(Instant at) {
            preview.requested(at);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            log.debug("closing preview origin {}: {}", uri, e.getMessage());
        }
    }
}
