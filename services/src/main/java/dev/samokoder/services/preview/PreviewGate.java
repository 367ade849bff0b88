package dev.samokoder.services.preview;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The door of a preview origin, the same locally (a port per project, the app behind a Unix socket) and on AWS (the
 * preview front behind the load balancer, the app in its task): it lets only the preview's owner through to the app.
 *
 * <p>{@value PreviewService#ENTER_PATH}{@code ?ticket=} redeems a one-time ticket and answers with the preview's
 * session in an HttpOnly cookie of the origin, sending the browser on to {@code /}; every other request must carry
 * that cookie for the origin's current preview, or gets 404. A preview that ended answers 410, one still starting
 * 503. The rest is passed to the app as bytes, both ways, so streaming and WebSocket upgrades work as the app serves
 * them. Every request is checked: the app is asked to close each connection after its answer ({@code Connection:
 * close}); a WebSocket upgrade becomes a tunnel of that one checked request.
 */
public final class PreviewGate {

    private static final Logger log = LoggerFactory.getLogger(PreviewGate.class);
    public static final String COOKIE_PREFIX = "samokoder-preview-";
    /** Answers 200 on every origin: what a load balancer's health check asks for. */
    public static final String HEALTH_PATH = "/.samokoder/health";
    /** Locally the frame and the web app are one site (ports do not count): a first-party cookie. */
    public static final String SAME_SITE_COOKIE = "HttpOnly; SameSite=Lax";
    /** On AWS the preview domain is another site than the web app's: a cookie of the frame's own partition, over HTTPS. */
    public static final String CROSS_SITE_COOKIE = "HttpOnly; Secure; SameSite=None; Partitioned";
    private static final int MAX_HEAD_BYTES = 16 * 1024;
    private static final int HEAD_TIMEOUT_MILLIS = 30_000;

    /** The preview a request is for, as the origin knows it. */
    public interface Target {

        String previewId();

        State state();

        /** A new connection to the app. */
        SocketChannel connect() throws IOException;

        /** A request (or bytes of one) came: the preview is not idle. */
        void requested(java.time.Instant at);
    }

    public enum State {
        STARTING,
        SERVING,
        OVER
    }

    private final PreviewAccess access;
    private final String cookieAttributes;
    private final Clock clock;

    /** @param cookieAttributes {@link #SAME_SITE_COOKIE} or {@link #CROSS_SITE_COOKIE} */
    public PreviewGate(PreviewAccess access, String cookieAttributes, Clock clock) {
        this.access = access;
        this.cookieAttributes = cookieAttributes;
        this.clock = clock;
    }

    /**
     * Serves every connection {@code server} accepts, each on a virtual thread of its own, at most {@code maxConnections}
     * at once (more wait in the listen backlog), until the server is closed; returns at once.
     */
    public void serve(ServerSocket server, Function<Head, Optional<? extends Target>> route, int maxConnections) {
        Semaphore connections = new Semaphore(maxConnections);
        Thread.ofVirtual().name("preview-gate-" + server.getLocalPort()).start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    connections.acquireUninterruptibly();
                    Thread.ofVirtual().start(() -> {
                        try (client) {
                            handle(client, route);
                        } catch (IOException | RuntimeException e) {
                            log.debug("preview connection on port {} ended: {}", server.getLocalPort(), e.toString());
                        } finally {
                            connections.release();
                        }
                    });
                } catch (IOException e) {
                    if (!server.isClosed()) {
                        log.warn("preview port {} could not accept a connection: {}", server.getLocalPort(), e.getMessage());
                    }
                }
            }
        });
    }

    /** Serves one client connection; {@code route} finds the preview a request is for (empty: none there). */
    public void handle(Socket client, Function<Head, Optional<? extends Target>> route) throws IOException {
        client.setSoTimeout(HEAD_TIMEOUT_MILLIS);
        InputStream in = new BufferedInputStream(client.getInputStream()); // what it read past the head goes to the app
        OutputStream out = client.getOutputStream();
        Head head = Head.read(in, MAX_HEAD_BYTES);
        if (head == null) {
            answer(out, 431, "Request Header Fields Too Large", "The request's head is too large or incomplete.", null);
            return;
        }
        if (head.path().equals(HEALTH_PATH)) {
            answer(out, 200, "OK", "ok", null);
            return;
        }
        Optional<? extends Target> found = route.apply(head);
        if (head.path().equals(PreviewService.ENTER_PATH)) {
            enter(out, head, found.orElse(null));
            return;
        }
        if (found.isEmpty() || session(head, found.get()).isEmpty()) {
            answer(out, 404, "Not Found", "Not found.", null);
            return;
        }
        Target preview = found.get();
        preview.requested(clock.instant());
        switch (preview.state()) {
            case OVER -> answer(out, 410, "Gone", "This preview has stopped. Start it again from the project's Preview tab.", null);
            case STARTING -> answer(out, 503, "Service Unavailable", "The app is starting; this page reloads by itself.",
                    "Retry-After: 2\r\nRefresh: 2\r\n");
            case SERVING -> pass(client, in, out, head, preview);
        }
    }

    private void pass(Socket client, InputStream in, OutputStream out, Head head, Target preview) throws IOException {
        client.setSoTimeout(0);
        SocketChannel app;
        try {
            app = preview.connect();
        } catch (IOException e) {
            answer(out, 502, "Bad Gateway", "The app did not take the connection.", null);
            return;
        }
        try (app) {
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
        }
    }

    /** The grant of the preview session the request carries for {@code preview}, if it carries a valid one. */
    private Optional<PreviewAccess.Grant> session(Head head, Target preview) {
        return head.cookie(COOKIE_PREFIX + preview.previewId()).flatMap(value -> access.verify(value, preview.previewId()));
    }

    /** The client's bytes to the app until the client closes its side (or the app its connection). */
    private void pump(InputStream in, SocketChannel app, Target preview) {
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

    private void enter(OutputStream out, Head head, Target preview) throws IOException {
        Optional<PreviewAccess.Grant> grant = preview == null ? Optional.empty()
                : access.redeem(head.query("ticket").orElse(null), preview.previewId());
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
                + "; Path=/; Max-Age=" + maxAge + "; " + cookieAttributes;
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

    /**
     * A request's head as it is passed on (as it came, but asking the app to close the connection after its answer,
     * unless it is an upgrade), with what the origin reads of it.
     */
    public record Head(byte[] bytes, String target, String cookies, String host) {

        private static final java.util.Set<String> HOP_BY_HOP = java.util.Set.of("connection", "keep-alive", "proxy-connection");
        /** CR LF CR LF. */
        private static final int END_OF_HEAD = 0x0D0A0D0A;

        /** The head up to its blank line; null when it is larger than {@code max} or the client closed before its end. */
        public static Head read(InputStream in, int max) throws IOException {
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
            String host = "";
            StringBuilder forwarded = new StringBuilder(lines[0]).append("\r\n");
            boolean upgrade = false;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                String name = colon > 0 ? lines[i].substring(0, colon).trim() : "";
                if (name.equalsIgnoreCase("cookie")) {
                    cookies.append(cookies.isEmpty() ? "" : "; ").append(lines[i].substring(colon + 1).trim());
                }
                if (name.equalsIgnoreCase("host")) {
                    host = lines[i].substring(colon + 1).trim();
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
            return new Head(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1), target, cookies.toString(), host);
        }

        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }

        public Optional<String> query(String name) {
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

        public Optional<String> cookie(String name) {
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
