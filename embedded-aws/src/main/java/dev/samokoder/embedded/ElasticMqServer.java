package dev.samokoder.embedded;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ElasticMQ in this JVM, speaking the SQS protocol on a loopback port. Messages live in memory:
 * a restart of the local platform drops queued messages (queues are re-created at start), which
 * is the documented trade-off of the local mode.
 */
final class ElasticMqServer implements LocalComponent {

    private static final Logger log = LoggerFactory.getLogger(ElasticMqServer.class);
    static final String NAME = "sqs";

    private final SQSRestServer server;
    private final URI endpoint;

    private ElasticMqServer(SQSRestServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    static ElasticMqServer start(String host, int port, String region) {
        Ports.requireFree(NAME, host, port);
        // We stop ElasticMQ ourselves (EmbeddedAws.close); Pekko's own JVM hook would race it.
        System.setProperty("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
        var builder = SQSRestServerBuilder.withInterface(host).withAWSRegion(region);
        builder = port == 0 ? builder.withDynamicPort() : builder.withPort(port);
        SQSRestServer server = builder.start();
        int boundPort;
        try {
            boundPort = server.waitUntilStarted().localAddress().getPort();
        } catch (RuntimeException e) {
            stopQuietly(server);
            if (Ports.isBindFailure(e)) {
                throw new PortInUseException(NAME, host, port, e);
            }
            throw new EmbeddedAwsException("ElasticMQ failed to start: " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://" + host + ":" + boundPort);
        log.info("ElasticMQ listening on {}", endpoint);
        return new ElasticMqServer(server, endpoint);
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
    }

    private static void stopQuietly(SQSRestServer server) {
        try {
            server.stopAndWait();
        } catch (RuntimeException e) {
            log.warn("ElasticMQ did not stop cleanly: {}", e.toString());
        }
    }
}
