package dev.samokoder.embedded;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import java.net.URI;
import java.nio.file.Path;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB Local in this JVM, reached over HTTP like the real service.
 *
 * <p>DynamoDB Local's own server ({@code ServerRunner}) listens on every interface and has no host
 * option. We keep its request handler but mount it on a Jetty server of our own whose only
 * connector is bound to the loopback host, so the data is never reachable from the network. Its
 * telemetry is never configured, so nothing is sent anywhere. CORS is off: a web page in the
 * user's browser must not be able to read the database.
 */
final class DynamoDbLocalServer implements LocalComponent {

    private static final Logger log = LoggerFactory.getLogger(DynamoDbLocalServer.class);
    static final String NAME = "dynamodb";

    /** With a shared database, DynamoDB Local keeps every table in this one SQLite file. */
    static final String DATABASE_FILE = "shared-local-instance.db";

    private final Server server;
    private final LocalDynamoDBServerHandler handler;
    private final URI endpoint;

    private DynamoDbLocalServer(Server server, LocalDynamoDBServerHandler handler, URI endpoint) {
        this.server = server;
        this.handler = handler;
        this.endpoint = endpoint;
    }

    /**
     * @param databaseDir where the SQLite file lives, or {@code null} to keep everything in memory
     */
    static DynamoDbLocalServer start(String host, int port, Path databaseDir) {
        Ports.requireFree(NAME, host, port);
        boolean inMemory = databaseDir == null;
        String dbPath = inMemory ? null : databaseDir.toAbsolutePath().toString();
        LocalDynamoDBServerHandler handler;
        try {
            var requestHandler = new LocalDynamoDBRequestHandler(0, inMemory, dbPath, true, false);
            handler = new LocalDynamoDBServerHandler(requestHandler, "");
        } catch (Exception e) {
            throw new EmbeddedAwsException("DynamoDB Local could not open its database"
                    + (inMemory ? "" : " in " + dbPath) + ": " + e.getMessage(), e);
        }

        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("dynamodb-local");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        // The proxy server is built only for its handler wiring; its own Jetty server is never started.
        server.setHandler(new DynamoDBProxyServer(0, handler).setUpHandler(handler));
        server.setStopAtShutdown(false);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            if (Ports.isBindFailure(e)) {
                throw new PortInUseException(NAME, host, port, e);
            }
            throw new EmbeddedAwsException("DynamoDB Local failed to start: " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://" + host + ":" + connector.getLocalPort());
        log.info("DynamoDB Local listening on {} ({})", endpoint, inMemory ? "in memory" : dbPath);
        return new DynamoDbLocalServer(server, handler, endpoint);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        stopQuietly(server);
        try {
            handler.close(); // closes the SQLite connection, flushing the database file
        } catch (Exception e) {
            log.warn("DynamoDB Local did not close its database cleanly: {}", e.toString());
        }
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            log.warn("DynamoDB Local HTTP server did not stop cleanly: {}", e.toString());
        }
    }
}
