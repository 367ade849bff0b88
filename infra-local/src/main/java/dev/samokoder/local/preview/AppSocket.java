package dev.samokoder.local.preview;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The previewed app's port as the platform reaches it: a Unix socket the sandbox listens on and bridges to the port. */
final class AppSocket {

    private AppSocket() {
    }

    static SocketChannel connect(Path socket) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return channel;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Whether the app answers a GET of {@code path} with a status below 500. */
    static boolean answers(Path socket, String path) {
        try (SocketChannel channel = connect(socket)) {
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nUser-Agent: samokoder-preview-probe\r\nConnection: close\r\n\r\n";
            channel.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buffer = ByteBuffer.allocate(64);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                if (buffer.position() >= 12) {
                    break;
                }
            }
            String head = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
            // "HTTP/1.1 200": the status is characters 9 to 11
            return head.startsWith("HTTP/1.") && head.length() >= 12 && head.charAt(9) < '5';
        } catch (IOException e) {
            return false; // not listening yet (the bridge, or the app behind it)
        }
    }
}
