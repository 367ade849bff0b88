package dev.samokoder.local;

import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.config.Setting;
import dev.samokoder.embedded.EmbeddedAwsException;
import dev.samokoder.embedded.PortInUseException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code scripts/dev}: starts the local platform and runs until Ctrl-C / SIGTERM, then stops every
 * component cleanly (data flushed, ports released, no process left behind).
 */
public final class LocalMain {

    private static final Logger log = LoggerFactory.getLogger(LocalMain.class);
    /** How long a Ctrl-C during the start waits for it to end, so that it can stop what started. */
    private static final Duration START_WAIT = Duration.ofSeconds(90);
    /** Set by the shutdown hook: from then on a failing start is the stop, not a fault. */
    private static volatile boolean stopRequested;

    private LocalMain() {
    }

    public static void main(String[] args) {
        // The hook is in place before anything starts: a Ctrl-C while the components are still
        // starting waits for the start to end, then stops whatever did start.
        CompletableFuture<Optional<LocalPlatform>> starting = new CompletableFuture<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopRequested = true;
            try {
                starting.get(START_WAIT.toMillis(), TimeUnit.MILLISECONDS).ifPresent(LocalPlatform::close);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                System.err.println("samokoder: stopped before the platform had finished starting");
            }
            stopped.countDown();
        }, "samokoder-shutdown"));
        Optional<LocalPlatform> started = Optional.empty();
        try {
            started = start(SamokoderConfig::fromEnv, System.err);
        } finally {
            starting.complete(started);
        }
        if (started.isEmpty()) {
            // exit, not return: DynamoDB Local leaves a non-daemon thread behind even when stopped
            System.exit(2);
            return;
        }
        if (!stopRequested) {
            printBanner(started.get());
        }
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts the platform, or says on {@code err} in one line why it could not (what failed and
     * what to change) and returns empty; whatever had started is stopped again by then.
     */
    static Optional<LocalPlatform> start(Supplier<SamokoderConfig> config, PrintStream err) {
        try {
            return Optional.of(LocalPlatform.start(config.get(), Clock.systemUTC()));
        } catch (PortInUseException e) {
            err.println("samokoder: " + e.getMessage() + ". Set " + portVariable(e.component()) + " to a free port"
                    + (e.component().equals("gateway") ? "." : " (or 0 for any free port)."));
        } catch (ConfigException | EmbeddedAwsException e) {
            err.println("samokoder: " + e.getMessage());
        } catch (RuntimeException e) {
            if (stopRequested) {
                // a library refuses to start (Runtime.addShutdownHook throws once the JVM is shutting down)
                err.println("samokoder: stopped while starting; what had started was stopped again");
                return Optional.empty();
            }
            // a damaged file under the data dir (a key, a workflow record) or a bug: the log has the stack trace
            log.error("the platform did not start", e);
            err.println("samokoder: the platform did not start: " + causes(e)
                    + ". Nothing in the data dir was deleted.");
        }
        return Optional.empty();
    }

    /** The distinct messages (first lines) of an error and its causes, outermost first. */
    static String causes(Throwable error) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = error; t != null && messages.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName()
                    : t.getMessage().strip().lines().findFirst().orElseThrow();
            if (messages.stream().noneMatch(m -> m.contains(message))) {
                messages.add(message);
            }
        }
        return String.join(": ", messages);
    }

    static String portVariable(String component) {
        return switch (component) {
            case "dynamodb" -> Setting.DYNAMODB_PORT.variable();
            case "s3" -> Setting.S3_PORT.variable();
            case "sqs" -> Setting.SQS_PORT.variable();
            case "stepfunctions" -> Setting.SFN_PORT.variable();
            default -> Setting.PORT.variable();
        };
    }

    private static void printBanner(LocalPlatform platform) {
        var local = platform.config().local();
        var aws = platform.config().aws();
        String base = "http://" + local.host() + ":" + platform.port();
        System.out.println();
        System.out.println("Samokoder is running at " + base + "   (health: " + base + "/health)");
        System.out.println("  data dir   " + platform.stack().dataDir());
        System.out.println("  DynamoDB   " + aws.dynamoDbEndpoint().orElseThrow() + "  table " + aws.tableName());
        System.out.println("  S3         " + aws.s3Endpoint().orElseThrow() + "  bucket " + aws.bucketName());
        System.out.println("  SQS        " + aws.sqsEndpoint().orElseThrow() + "  queues " + aws.webhookQueueName() + ", " + aws.notificationQueueName());
        System.out.println("  SFN        " + platform.stepFunctionsEndpoint() + "  (local engine)");
        System.out.println("Press Ctrl-C to stop.");
        System.out.flush();
    }
}
