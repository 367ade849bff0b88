package dev.samokoder.core.testing;

import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.storage.PlatformResources;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.embedded.EmbeddedAws;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded AWS stack as tests see it: in memory, on free loopback ports, with the platform's
 * table, bucket and queues created, and clients pointed at it. One per test JVM (see
 * {@link LocalAwsExtension}).
 */
public final class LocalAws implements AutoCloseable {

    /** How many stacks this JVM has started: one, however many test classes use it. */
    private static final AtomicInteger STARTS = new AtomicInteger();

    private final EmbeddedAws stack;
    private final SamokoderConfig config;
    private final AwsClients clients;

    private LocalAws(EmbeddedAws stack, SamokoderConfig config, AwsClients clients) {
        this.stack = stack;
        this.config = config;
        this.clients = clients;
    }

    static LocalAws start() {
        STARTS.incrementAndGet();
        SamokoderConfig defaults = SamokoderConfig.fromEnv(Map.of());
        EmbeddedAws stack = EmbeddedAws.start(EmbeddedAws.Options.inMemory(defaults.aws().region(),
                SamokoderConfig.LOCAL_ACCESS_KEY_ID, SamokoderConfig.LOCAL_SECRET_ACCESS_KEY));
        SamokoderConfig config = defaults.withAws(defaults.aws()
                .withEndpoints(stack.dynamoDbEndpoint(), stack.s3Endpoint(), stack.sqsEndpoint()));
        AwsClients clients = new AwsClients(config.aws());
        PlatformResources.ensure(config.aws(), clients.dynamoDb(), clients.s3(), clients.sqs());
        return new LocalAws(stack, config, clients);
    }

    static int starts() {
        return STARTS.get();
    }

    public EmbeddedAws stack() {
        return stack;
    }

    public SamokoderConfig config() {
        return config;
    }

    public AwsClients clients() {
        return clients;
    }

    public Storage storage(Clock clock) {
        return Storage.create(clients, config, clock);
    }

    public Storage storage() {
        return storage(Clock.systemUTC());
    }

    @Override
    public void close() {
        clients.close();
        stack.close();
    }
}
