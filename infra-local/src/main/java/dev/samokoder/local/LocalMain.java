package dev.samokoder.local;

import dev.samokoder.embedded.EmbeddedAwsException;
import dev.samokoder.embedded.PortInUseException;
import dev.samokoder.shared.config.ConfigException;
import dev.samokoder.shared.config.SamokoderConfig;
import dev.samokoder.shared.config.Setting;
import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * {@code scripts/dev}: starts the local platform and runs until Ctrl-C / SIGTERM, then stops every
 * component cleanly (data flushed, ports released, no process left behind).
 */
public final class LocalMain {

    private LocalMain() {
    }

    public static void main(String[] args) {
        PrintStream err = System.err;
        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(SamokoderConfig.fromEnv(), Clock.systemUTC());
        } catch (PortInUseException e) {
            err.println("samokoder: " + e.getMessage() + ". Set " + portVariable(e.component())
                    + " to a free port (0 lets the system pick one for the AWS components).");
            System.exit(2);
            return;
        } catch (ConfigException | EmbeddedAwsException e) {
            err.println("samokoder: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.close();
            stopped.countDown();
        }, "samokoder-shutdown"));
        printBanner(platform);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
