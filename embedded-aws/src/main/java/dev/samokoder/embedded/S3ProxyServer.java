package dev.samokoder.embedded;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** S3Proxy in this JVM: the filesystem backend under the data dir, or an in-memory store for tests. */
final class S3ProxyServer implements LocalComponent {

    private static final Logger log = LoggerFactory.getLogger(S3ProxyServer.class);
    static final String NAME = "s3";
    private static final long START_TIMEOUT_MILLIS = 30_000;

    private final S3Proxy proxy;
    private final URI endpoint;

    private S3ProxyServer(S3Proxy proxy, URI endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    /**
     * @param baseDir the folder that holds one sub-folder per bucket, or {@code null} for memory
     */
    static S3ProxyServer start(String host, int port, Path baseDir, String accessKey, String secretKey) {
        Ports.requireFree(NAME, host, port);
        Properties properties = new Properties();
        String provider = "transient";
        if (baseDir != null) {
            provider = "filesystem";
            properties.setProperty("jclouds.filesystem.basedir", baseDir.toAbsolutePath().toString());
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(BlobStores.create(provider, properties))
                .endpoint(URI.create("http://" + host + ":" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        try {
            proxy.start();
            long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.currentTimeMillis() > deadline) {
                    throw new EmbeddedAwsException("S3Proxy did not start within " + START_TIMEOUT_MILLIS + " ms (state " + proxy.getState() + ")");
                }
                Thread.sleep(10);
            }
        } catch (EmbeddedAwsException e) {
            stopQuietly(proxy);
            throw e;
        } catch (Exception e) {
            stopQuietly(proxy);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
            }
            if (Ports.isBindFailure(e)) {
                throw new PortInUseException(NAME, host, port, e);
            }
            throw new EmbeddedAwsException("S3Proxy failed to start: " + e.getMessage(), e);
        }
        URI endpoint = URI.create("http://" + host + ":" + proxy.getPort());
        log.info("S3Proxy listening on {} ({})", endpoint, baseDir == null ? "in memory" : baseDir.toAbsolutePath());
        return new S3ProxyServer(proxy, endpoint);
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
        stopQuietly(proxy);
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            log.warn("S3Proxy did not stop cleanly: {}", e.toString());
        }
    }
}
