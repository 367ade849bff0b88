package dev.samokoder.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DynamoDB Local, S3Proxy and ElasticMQ in this JVM, each on a loopback port, reached only through
 * real AWS SDK clients pointed at {@link #dynamoDbEndpoint()}, {@link #s3Endpoint()} and
 * {@link #sqsEndpoint()}. With a data dir, DynamoDB and S3 keep their data on disk across restarts;
 * without one everything is in memory (tests).
 */
public final class EmbeddedAws implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAws.class);

    /**
     * What to start and where.
     *
     * @param dataDir where data is kept, or {@code null} to keep everything in memory
     * @param host the loopback address every component binds to
     * @param dynamoDbPort the port for DynamoDB Local, 0 for any free port
     * @param s3Port the port for S3Proxy, 0 for any free port
     * @param sqsPort the port for ElasticMQ, 0 for any free port
     * @param region the region the clients sign for (ElasticMQ puts it in queue URLs)
     * @param accessKeyId the access key the S3 clients sign with
     * @param secretAccessKey its secret
     */
    public record Options(Path dataDir, String host, int dynamoDbPort, int s3Port, int sqsPort,
                          String region, String accessKeyId, String secretAccessKey) {
        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        /** Everything in memory on free loopback ports: what tests use. */
        public static Options inMemory(String region, String accessKeyId, String secretAccessKey) {
            return new Options(null, "127.0.0.1", 0, 0, 0, region, accessKeyId, secretAccessKey);
        }
    }

    private final DataDir dataDir;
    private final DynamoDbLocalServer dynamoDb;
    private final S3ProxyServer s3;
    private final ElasticMqServer sqs;
    private boolean closed;

    private EmbeddedAws(DataDir dataDir, DynamoDbLocalServer dynamoDb, S3ProxyServer s3, ElasticMqServer sqs) {
        this.dataDir = dataDir;
        this.dynamoDb = dynamoDb;
        this.s3 = s3;
        this.sqs = sqs;
    }

    /** Starts all three; if one fails, the ones already started are stopped before the error is thrown. */
    public static EmbeddedAws start(Options options) {
        long started = System.nanoTime();
        DataDir dataDir = options.dataDir() == null ? null : DataDir.open(options.dataDir());
        List<AutoCloseable> startedSoFar = new ArrayList<>();
        if (dataDir != null) {
            startedSoFar.add(dataDir);
        }
        try {
            var dynamoDb = DynamoDbLocalServer.start(options.host(), options.dynamoDbPort(),
                    dataDir == null ? null : dataDir.dynamoDbDir());
            startedSoFar.add(dynamoDb);
            var s3 = S3ProxyServer.start(options.host(), options.s3Port(),
                    dataDir == null ? null : dataDir.s3Dir(), options.accessKeyId(), options.secretAccessKey());
            startedSoFar.add(s3);
            var sqs = ElasticMqServer.start(options.host(), options.sqsPort(), options.region());
            log.info("embedded AWS stack up in {} ms", (System.nanoTime() - started) / 1_000_000);
            return new EmbeddedAws(dataDir, dynamoDb, s3, sqs);
        } catch (RuntimeException e) {
            closeAll(startedSoFar.reversed());
            throw e;
        }
    }

    public URI dynamoDbEndpoint() {
        return dynamoDb.endpoint();
    }

    public URI s3Endpoint() {
        return s3.endpoint();
    }

    public URI sqsEndpoint() {
        return sqs.endpoint();
    }

    /** The running components, in start order. */
    public List<LocalComponent> components() {
        return List.of(dynamoDb, s3, sqs);
    }

    /** The data dir, or {@code null} when everything is in memory. */
    public Path dataDir() {
        return dataDir == null ? null : dataDir.root();
    }

    /** Stops every component (last started first) and releases the data dir; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<AutoCloseable> all = new ArrayList<>(List.of(sqs, s3, dynamoDb));
        if (dataDir != null) {
            all.add(dataDir);
        }
        closeAll(all);
        log.info("embedded AWS stack stopped");
    }

    private static void closeAll(List<AutoCloseable> closeables) {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("failed to stop {}: {}", closeable, e.toString());
            }
        }
    }
}
