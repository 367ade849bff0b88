package dev.samokoder.local.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The egress proxy on its own: a client on its Unix socket asks it to CONNECT. */
class EgressProxyIT {

    private Path dir;
    private EgressProxy proxy;
    private ServerSocket loopbackService;
    private com.sun.net.httpserver.HttpServer mirror;
    private final List<String> mirrorSaw = new CopyOnWriteArrayList<>();
    private final List<EgressProxy.Request> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        loopbackService = new ServerSocket();
        loopbackService.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)); // stands in for the platform's services
        // a package mirror on this machine, which the operator allowed by its address
        mirror = com.sun.net.httpserver.HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        mirror.createContext("/", exchange -> {
            mirrorSaw.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " connection=" + exchange.getRequestHeaders()
                    .getFirst("Connection") + " proxy-authorization=" + exchange.getRequestHeaders().getFirst("Proxy-Authorization"));
            byte[] body = "left-pad 1.3.0".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        mirror.start();
        dir = Files.createTempDirectory("egress-proxy-it");
        proxy = EgressProxy.start(dir.resolve("proxy.sock"), Set.of("registry.npmjs.org:443", "localhost:" + loopbackService.getLocalPort(),
                "127.0.0.1:" + mirror.getAddress().getPort()), 0, 0, false, log::add);
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        loopbackService.close();
        mirror.stop(0);
        Files.deleteIfExists(dir);
    }

    /** Sends {@code request} and returns what the proxy answered up to the end of its head (or the connection). */
    private String ask(String request) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(dir.resolve("proxy.sock")));
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(4096);
            while (channel.read(buffer.clear()) > 0) {
                answer.write(buffer.array(), 0, buffer.position());
                String text = answer.toString(StandardCharsets.UTF_8);
                if (text.startsWith("HTTP/1.1 200") && text.contains("\r\n\r\n")) {
                    break; // a tunnel: the head is all there is before the remote speaks
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSocketIsForItsOwnerOnly() throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("proxy.sock")))).isEqualTo("rw-------");
    }

    @Test
    void aHostThatIsNotARegistry_isRefusedWithTheReason() throws IOException {
        // when
        String answer = ask("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n");

        // then
        assertThat(answer).startsWith("HTTP/1.1 403").contains("example.com:443 is not an allowed package registry")
                .contains("registry.npmjs.org:443");
        assertThat(log).containsExactly(new EgressProxy.Request("example.com:443", false,
                "example.com:443 is not an allowed package registry (allowed: 127.0.0.1:" + mirror.getAddress().getPort() + ", localhost:"
                        + loopbackService.getLocalPort() + ", registry.npmjs.org:443; SAMOKODER_SANDBOX_REGISTRIES)"));
    }

    @Test
    void anAllowedNameThatResolvesToLoopback_isRefused() throws IOException {
        // when: the allow-list names a host whose address is the platform's own (DNS rebinding looks the same)
        String answer = ask("CONNECT localhost:" + loopbackService.getLocalPort() + " HTTP/1.1\r\n\r\n");

        // then
        assertThat(answer).startsWith("HTTP/1.1 502").contains("does not resolve to a public address");
        assertThat(log).hasSize(1).allMatch(request -> !request.allowed());
    }

    @Test
    void onlyConnectGetAndHeadGoThrough() throws IOException {
        // when
        String post = ask("POST http://127.0.0.1:" + mirror.getAddress().getPort() + "/upload HTTP/1.1\r\nContent-Length: 0\r\n\r\n");
        String plainToTheRegistry = ask("GET http://registry.npmjs.org/left-pad HTTP/1.1\r\nHost: registry.npmjs.org\r\n\r\n");

        // then: nothing is sent anywhere; http to the registry is port 80, which is not allowed
        assertThat(post).startsWith("HTTP/1.1 405").contains("only CONNECT (https), and GET or HEAD of http://");
        assertThat(plainToTheRegistry).startsWith("HTTP/1.1 403").contains("registry.npmjs.org:80 is not an allowed package registry");
        assertThat(mirrorSaw).isEmpty();
    }

    @Test
    void aPlainHttpGetToAnAllowedMirror_isForwardedAsOneRequest() throws IOException {
        // given
        int port = mirror.getAddress().getPort();

        // when: pip asks for a page of a mirror the operator allowed by its address, through the proxy
        String answer = ask("GET http://127.0.0.1:" + port + "/simple/left-pad/ HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nProxy-Authorization: Basic c2VjcmV0\r\nConnection: keep-alive\r\nAccept: text/html\r\n\r\n");

        // then: the mirror got it in origin form, without the proxy's headers, as the connection's only request
        assertThat(answer).startsWith("HTTP/1.1 200").endsWith("left-pad 1.3.0");
        assertThat(mirrorSaw).containsExactly("GET /simple/left-pad/ connection=close proxy-authorization=null");
        assertThat(log).containsExactly(new EgressProxy.Request("127.0.0.1:" + port, true, "forwarded to 127.0.0.1"));
    }

    @Test
    void anAllowedRegistry_isTunnelled() throws IOException {
        // when
        String answer = ask("CONNECT registry.npmjs.org:443 HTTP/1.1\r\nHost: registry.npmjs.org:443\r\n\r\n");

        // then
        assertThat(answer).startsWith("HTTP/1.1 200 Connection Established");
        assertThat(log).singleElement().satisfies(request -> {
            assertThat(request.target()).isEqualTo("registry.npmjs.org:443");
            assertThat(request.allowed()).isTrue();
        });
    }

    @Test
    void privateLoopbackLinkLocalAndMetadataAddressesAreNotPublic() throws IOException {
        for (String address : List.of("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
                "0.0.0.0", "224.0.0.1", "::1", "fd00:ec2::254", "fe80::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254")) {
            assertThat(EgressProxy.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
        for (String address : List.of("104.16.0.35", "203.0.113.80", "2606:4700::6810:1")) {
            assertThat(EgressProxy.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }
}
