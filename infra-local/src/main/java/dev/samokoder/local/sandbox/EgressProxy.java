package dev.samokoder.local.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only way out of a sandbox that installs packages: an HTTP proxy on a Unix socket of the host, which the
 * sandbox (no network device but its own loopback) reaches through a bridge to that socket. It tunnels (CONNECT,
 * for https) to the allowed {@code host:port} pairs only (the package registries), and forwards a plain-http GET or
 * HEAD to one of them (a mirror on the operator's network) one request per connection. It resolves names itself
 * and refuses an address on loopback, a private or shared network, link-local (cloud metadata) or multicast, so a
 * name that resolves to the platform's own services (DNS rebinding) goes nowhere; an allowed pair written as an IP
 * address is the operator's explicit choice and is reached as written. Connections are bounded in number and in
 * connect and idle time; the proxy lives as long as one sandbox command, and tells its log about every request it
 * answered (what a test and the benchmark count).
 */
final class EgressProxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EgressProxy.class);
    private static final Pattern CONNECT = Pattern.compile("CONNECT ([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+]):(\\d{1,5}) HTTP/1\\.[01]");
    /** A proxied plain-http request: GET or HEAD in absolute form. */
    private static final Pattern FORWARD = Pattern.compile("(GET|HEAD) http://([A-Za-z0-9.-]{1,253})(?::(\\d{1,5}))?(/[!-~]*)? HTTP/1\\.[01]");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** Headers about the connection to the proxy, not for the registry; the forwarded request says Connection: close. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "proxy-connection", "keep-alive", "proxy-authorization", "te",
            "upgrade", "transfer-encoding");
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_CONNECTIONS = 32;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

    /** What the proxy did with one request: tunnelled, or refused and why. */
    record Request(String target, boolean allowed, String reason) {
    }

    private final Set<String> allowed;
    private final ServerSocketChannel server;
    private final Path socket;
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private final ConcurrentLinkedQueue<AutoCloseable> open = new ConcurrentLinkedQueue<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private final Consumer<Request> log;

    private EgressProxy(Set<String> allowed, ServerSocketChannel server, Path socket, Consumer<Request> log) {
        this.log = log;
        this.allowed = allowed;
        this.server = server;
        this.socket = socket;
        this.acceptor = Thread.ofVirtual().name("egress-proxy").unstarted(this::accept);
    }

    /**
     * Listens on {@code socket} (a new file, mode 0600, owned by {@code uid}/{@code gid} when this process may
     * give it away, so only the sandbox's user can connect).
     *
     * @param allowed {@code host:port} pairs, lower case
     */
    static EgressProxy start(Path socket, Set<String> allowed, int uid, int gid, boolean chown, Consumer<Request> log)
            throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            if (chown) {
                Files.setAttribute(socket, "unix:uid", uid);
                Files.setAttribute(socket, "unix:gid", gid);
            }
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        EgressProxy proxy = new EgressProxy(Set.copyOf(allowed), server, socket, log);
        proxy.acceptor.start();
        return proxy;
    }

    private void accept() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("egress proxy on {} stopped accepting: {}", socket, e.toString());
                }
                return;
            }
            if (!connections.tryAcquire()) {
                refuse(client, "", 503, "too many connections (at most " + MAX_CONNECTIONS + ")");
                continue;
            }
            Thread.ofVirtual().name("egress-proxy-connection").start(() -> {
                try {
                    serve(client);
                } finally {
                    connections.release();
                }
            });
        }
    }

    private void serve(SocketChannel client) {
        open.add(client);
        try (client) {
            Optional<String> head = readHead(client);
            if (head.isEmpty()) {
                return;
            }
            String requestLine = head.get().lines().findFirst().orElse("");
            Matcher connect = CONNECT.matcher(requestLine);
            Matcher forward = FORWARD.matcher(requestLine);
            if (connect.matches()) {
                open(client, connect.group(1).toLowerCase(Locale.ROOT), Integer.parseInt(connect.group(2)), null);
            } else if (forward.matches()) {
                int port = forward.group(3) == null ? 80 : Integer.parseInt(forward.group(3));
                String path = forward.group(4) == null ? "/" : forward.group(4);
                open(client, forward.group(2).toLowerCase(Locale.ROOT), port, originForm(forward.group(1), path, head.get()));
            } else {
                String method = requestLine.contains(" ") ? requestLine.substring(0, requestLine.indexOf(' ')) : requestLine;
                refuse(client, method, 405, "only CONNECT (https), and GET or HEAD of http://, go through the sandbox's egress proxy");
            }
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        } finally {
            open.remove(client);
        }
    }

    /**
     * Connects to {@code host:port} when it is allowed, then tunnels (a CONNECT: {@code request} null) or sends the
     * forwarded {@code request} and pipes both ways until either side ends.
     */
    private void open(SocketChannel client, String host, int port, byte[] request) throws IOException, InterruptedException {
        String target = host + ":" + port;
        if (!allowed.contains(target)) {
            refuse(client, target, 403, target + " is not an allowed package registry (allowed: "
                    + String.join(", ", allowed.stream().sorted().toList()) + "; SAMOKODER_SANDBOX_REGISTRIES)");
            return;
        }
        InetAddress address;
        try {
            address = IPV4.matcher(host).matches() || host.startsWith("[") ? literal(host) : publicAddress(host);
        } catch (UnknownHostException e) {
            refuse(client, target, 502, host + " does not resolve to a public address: " + e.getMessage());
            return;
        }
        Socket upstream = new Socket();
        open.add(upstream);
        try (upstream) {
            upstream.connect(new InetSocketAddress(address, port), (int) CONNECT_TIMEOUT.toMillis());
            upstream.setSoTimeout((int) IDLE_TIMEOUT.toMillis());
            record(new Request(target, true, (request == null ? "tunnelled to " : "forwarded to ") + address.getHostAddress()));
            if (request == null) {
                write(client, "HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            } else {
                upstream.getOutputStream().write(request);
            }
            // a socket channel reads and writes concurrently (one thread each way)
            Thread up = Thread.ofVirtual().start(() -> pipe(client, upstream));
            pipeBack(upstream, client);
            up.join(IDLE_TIMEOUT.toMillis());
        } catch (IOException e) {
            refuse(client, target, 502, "could not reach " + target + ": " + e.getMessage());
        } finally {
            open.remove(upstream);
        }
    }

    /** The request as the registry gets it: origin form, the proxy's headers taken out, one request per connection. */
    static byte[] originForm(String method, String path, String head) {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        head.lines().skip(1).filter(line -> !line.isEmpty()).filter(line -> {
            int colon = line.indexOf(':');
            return colon > 0 && !HOP_BY_HOP.contains(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
        }).forEach(line -> request.append(line).append("\r\n"));
        return request.append("Connection: close\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An allowed pair's IP address, taken as written (no lookup). */
    private static InetAddress literal(String host) throws UnknownHostException {
        return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    }

    private static void pipe(SocketChannel from, Socket to) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            OutputStream out = to.getOutputStream();
            while (from.read(buffer.clear()) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
            }
            to.shutdownOutput();
        } catch (IOException ignored) {
            // the other side closed; the connection ends
        }
    }

    private static void pipeBack(Socket from, SocketChannel to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                write(to, java.util.Arrays.copyOf(buffer, n));
            }
            to.shutdownOutput();
        } catch (IOException ignored) {
            // idle too long, or closed
        }
    }

    private static void write(SocketChannel to, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            to.write(buffer);
        }
    }

    /**
     * The first address of {@code host} that is public; a name with none is refused, whatever else it
     * resolves to.
     */
    static InetAddress publicAddress(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        for (InetAddress address : addresses) {
            if (isPublic(address)) {
                return address;
            }
        }
        throw new UnknownHostException("it resolves only to addresses the sandbox may not reach ("
                + String.join(", ", java.util.Arrays.stream(addresses).map(InetAddress::getHostAddress).toList()) + ")");
    }

    /** Not loopback, unspecified, private (RFC 1918, unique local), shared (100.64/10), link-local (metadata) or multicast. */
    static boolean isPublic(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    && first < 240;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // fc00::/7, unique local (fd00:ec2::254 is EC2's metadata)
                return false;
            }
            boolean mapped = true; // ::ffff:a.b.c.d is the IPv4 address a.b.c.d
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The request's head, read a byte at a time so nothing of what follows it is taken. */
    private static Optional<String> readHead(SocketChannel in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer one = ByteBuffer.allocate(1);
        int state = 0;
        while (head.size() < MAX_HEADER_BYTES) {
            if (in.read(one.clear()) < 0) {
                return Optional.empty();
            }
            int b = one.get(0) & 0xff;
            head.write(b);
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
            if (state == 4) {
                return Optional.of(head.toString(StandardCharsets.ISO_8859_1));
            }
        }
        return Optional.empty();
    }

    private void refuse(SocketChannel client, String target, int status, String reason) {
        record(new Request(target, false, reason));
        LOG.info("egress proxy refused {}: {}", target.isEmpty() ? "a connection" : target, reason);
        String body = "samokoder sandbox egress proxy: " + reason + "\n";
        String response = "HTTP/1.1 " + status + " " + (status == 403 ? "Forbidden" : status == 405 ? "Method Not Allowed"
                : status == 503 ? "Service Unavailable" : "Bad Gateway") + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body;
        try {
            write(client, response.getBytes(StandardCharsets.UTF_8));
            client.close();
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private void record(Request request) {
        log.accept(request);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        for (AutoCloseable connection : open) {
            try {
                connection.close();
            } catch (Exception ignored) {
                // closing
            }
        }
        try {
            Files.deleteIfExists(socket);
        } catch (IOException ignored) {
            // the scratch folder goes with the run
        }
    }
}
