package dev.samokoder.local.preview;

import dev.samokoder.services.preview.PreviewAccess;
import dev.samokoder.services.preview.PreviewService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The origin a project's previews are served from locally: a port of its own on the gateway's address, so the app's
 * pages are never of the platform's origin (they cannot read the web app's storage or call the API with its tokens).
 *
 * <p>{@value PreviewService#ENTER_PATH}{@code ?ticket=} redeems a one-time ticket and answers with the preview's
 * session in an HttpOnly cookie of this origin, sending the browser on to {@code /}; every other request must carry
 * that cookie for the project's current preview, or gets 404. A preview that ended answers 410, one still starting
 * 503. The rest is passed to the app through its socket as bytes, both ways, so streaming and WebSocket upgrades work
 * as the app serves them. Every request is checked: the app is asked to close each connection after its answer
 * ({@code Connection: close}); a WebSocket upgrade becomes a tunnel of that one checked request.
 */
final class PreviewOrigin implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PreviewOrigin.class);
    static final String COOKIE_PREFIX = "samokoder-preview-";
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int HEAD_TIMEOUT_MILLIS = 30_000;
    /** At most this many connections at once; more wait in the listen backlog. */
    private static final int MAX_CONNECTIONS = 64;

    private final ServerSocket server;
    private final URI uri;
    private final PreviewAccess access;
    private final Clock clock;
    private final java.util.concurrent.Semaphore connections = new java.util.concurrent.Semaphore(MAX_CONNECTIONS);
    private volatile LocalPreview current;

    private PreviewOrigin(ServerSocket server, URI uri, PreviewAccess access, Clock clock) {
        this.server = server;
        this.uri = uri;
        this.access = access;
        this.clock = clock;
    }

    static PreviewOrigin open(String host, PreviewAccess access, Clock clock) {
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(host), 0), 64);
            URI uri = URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getLocalPort());
            PreviewOrigin origin = new PreviewOrigin(server, uri, access, clock);
            Thread.ofVirtual().name("preview-origin-" + server.getLocalPort()).start(origin::accept);
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

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.acquireUninterruptibly();
                Thread.ofVirtual().start(() -> {
                    try (client) {
                        handle(client);
                    } catch (IOException | RuntimeException e) {
                        log.debug("preview connection on {} ended: {}", uri, e.toString());
                    } finally {
                        connections.release();
                    }
                });
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("preview origin {} could not accept a connection: {}", uri, e.getMessage());
                }
            }
        }
    }

    private void handle(Socket client) throws IOException {
        client.setSoTimeout(HEAD_TIMEOUT_MILLIS);
        InputStream in = new java.io.BufferedInputStream(client.getInputStream()); // what it read past the head goes to the app
        OutputStream out = client.getOutputStream();
        Head head = Head.read(in, MAX_HEAD_BYTES);
        if (head == null) {
            answer(out, 431, "Request Header Fields Too Large", "The request's head is too large or incomplete.", null);
            return;
        }
        LocalPreview preview = current;
        if (head.path().equals(PreviewService.ENTER_PATH)) {
            enter(out, head, preview);
            return;
        }
        if (preview == null || session(head, preview).isEmpty()) {
            answer(out, 404, "Not Found", "Not found.", null);
            return;
        }
        preview.requested(clock.instant());
        if (preview.over()) {
            answer(out, 410, "Gone", "This preview has stopped. Start it again from the project's Preview tab.", null);
            return;
        }
        Optional<Path> socket = preview.servingSocket();
        if (socket.isEmpty()) {
            answer(out, 503, "Service Unavailable", "The app is starting; this page reloads by itself.", "Retry-After: 2\r\nRefresh: 2\r\n");
            return;
        }
        client.setSoTimeout(0);
        try (SocketChannel app = AppSocket.connect(socket.get())) {
            app.write(ByteBuffer.wrap(head.bytes()));
            Thread upstream = Thread.ofVirtual().start(() -> pump(in, app, preview));
            ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
            while (app.read(buffer) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
                out.flush();
                buffer.clear();
                preview.requested(clock.instant());
            }
            client.shutdownOutput();
            join(upstream);
        } catch (IOException e) {
            answer(out, 502, "Bad Gateway", "The app did not answer.", null);
        }
    }

    /** The grant of the preview session the request carries for {@code preview}, if it carries a valid one. */
    private Optional<PreviewAccess.Grant> session(Head head, LocalPreview preview) {
        return head.cookie(COOKIE_PREFIX + preview.preview().id()).flatMap(value -> access.verify(value, preview.preview().id()));
    }

    /** The client's bytes to the app until the client closes its side (or the app its connection). */
    private void pump(InputStream in, SocketChannel app, LocalPreview preview) {
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                app.write(ByteBuffer.wrap(buffer, 0, read));
                preview.requested(clock.instant());
            }
            app.shutdownOutput();
        } catch (IOException e) {
            // either side went away: the other loop ends too
        }
    }

    private void enter(OutputStream out, Head head, LocalPreview preview) throws IOException {
        Optional<PreviewAccess.Grant> grant = preview == null ? Optional.empty()
                : access.redeem(head.query("ticket").orElse(null), preview.preview().id());
        if (grant.isEmpty() && preview != null && session(head, preview).isPresent()) {
            answer(out, 303, "See Other", "", "Location: /\r\n"); // a spent ticket of a browser already in: on to the app
            return;
        }
        if (grant.isEmpty()) {
            answer(out, 404, "Not Found", "Not found: this address works once, within a minute; open the preview again from the project.",
                    null);
            return;
        }
        long maxAge = Math.max(1, Duration.between(clock.instant(), grant.get().expiresAt()).toSeconds());
        String cookie = COOKIE_PREFIX + grant.get().previewId() + "=" + access.session(grant.get())
                + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax";
        preview.requested(clock.instant());
        answer(out, 303, "See Other", "", "Location: /\r\nSet-Cookie: " + cookie + "\r\n");
    }

    private static void answer(OutputStream out, int status, String reason, String text, String headers) throws IOException {
        byte[] body = (text.isEmpty() ? "" : text + "\n").getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + "Connection: close\r\n"
                + (headers == null ? "" : headers)
                + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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

    /**
     * A request's head as it is passed on (as it came, but asking the app to close the connection after its answer,
     * unless it is an upgrade), with what the origin reads of it.
     */
    record Head(byte[] bytes, String target, String cookies) {

        private static final java.util.Set<String> HOP_BY_HOP = java.util.Set.of("connection", "keep-alive", "proxy-connection");
        /** CR LF CR LF. */
        private static final int END_OF_HEAD = 0x0D0A0D0A;

        /** The head up to its blank line; null when it is larger than {@code max} or the client closed before its end. */
        static Head read(InputStream in, int max) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int lastFour = 0;
            while (head.size() < max) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                lastFour = (lastFour << 8) | b;
                if (lastFour == END_OF_HEAD) {
                    return parse(head.toByteArray());
                }
            }
            return null;
        }

        private static Head parse(byte[] bytes) {
            String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n");
            String[] request = lines[0].split(" ");
            String target = request.length == 3 ? request[1] : "";
            StringBuilder cookies = new StringBuilder();
            StringBuilder forwarded = new StringBuilder(lines[0]).append("\r\n");
            boolean upgrade = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = colon > 0 ? lines[i].substring(0, colon).trim() : "";
                if (name.equalsIgnoreCase("cookie")) {
                    cookies.append(cookies.isEmpty() ? "" : "; ").append(lines[i].substring(colon + 1).trim());
                }
                if (name.equalsIgnoreCase("upgrade")) {
                    upgrade = true;
                }
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    forwarded.append(lines[i]).append("\r\n");
                }
            }
            // one request per connection, so the origin checks every request; an upgrade (WebSocket) becomes a tunnel
            forwarded.append(upgrade ? "Connection: Upgrade\r\n" : "Connection: close\r\n").append("\r\n");
            return new Head(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1), target, cookies.toString());
        }

        String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        Optional<String> query(String name) {
            int start = target.indexOf('?');
            if (start < 0) {
                return Optional.empty();
            }
            for (String pair : target.substring(start + 1).split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).equals(name)) {
                    return Optional.of(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return Optional.empty();
        }

        Optional<String> cookie(String name) {
            for (String pair : cookies.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                    String value = pair.substring(equals + 1).trim();
                    // a value may come in double quotes (RFC 6265; Java's client always quotes)
                    return Optional.of(value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1) : value);
                }
            }
            return Optional.empty();
        }
    }
}
