package dev.samokoder.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In a task that serves an app, the one port the preview front may reach ({@code SAMOKODER_SANDBOX_SERVING_PORT}, the
 * only one its security group lets in; not one an app picks, like a dev server's 3000, 5173, 8000 or 8080): each connection becomes one to the app's own port on the task's loopback, so an app that listens on
 * 127.0.0.1 only (Flask's default) is reached the same as one that listens everywhere.
 */
final class PortForwarder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PortForwarder.class);

    private final ServerSocket server;
    private final int appPort;

    private PortForwarder(ServerSocket server, int appPort) {
        this.server = server;
        this.appPort = appPort;
    }

    static PortForwarder start(int listenPort, int appPort) {
        if (listenPort == appPort) {
            throw new IllegalArgumentException("the app's port " + appPort + " is the task's serving port; choose another in the architecture");
        }
        try {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(listenPort), 64);
            PortForwarder forwarder = new PortForwarder(server, appPort);
            Thread.ofVirtual().name("forward-" + listenPort).start(forwarder::accept);
            return forwarder;
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on port " + listenPort, e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> forward(client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    log.warn("serving port {}: {}", server.getLocalPort(), e.getMessage());
                }
            }
        }
    }

    private void forward(Socket client) {
        try (client; Socket app = new Socket("127.0.0.1", appPort)) {
            Thread up = Thread.ofVirtual().start(() -> copy(client, app));
            copy(app, client);
            up.join();
        } catch (IOException e) {
            log.debug("serving port {}: the app on {} did not take the connection: {}", server.getLocalPort(), appPort, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One direction until its end; then the other side hears the end too. */
    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // one side went away: the other direction ends with it
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            log.debug("closing serving port: {}", e.getMessage());
        }
    }
}
