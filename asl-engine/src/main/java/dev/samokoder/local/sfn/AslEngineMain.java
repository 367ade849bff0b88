package dev.samokoder.local.sfn;

import dev.samokoder.local.sfn.api.SfnApiServer;
import dev.samokoder.local.sfn.engine.EngineConfig;
import dev.samokoder.local.sfn.engine.StepFunctionsEngine;
import dev.samokoder.local.sfn.store.ExecutionStore;
import dev.samokoder.local.sfn.store.FileExecutionStore;
import dev.samokoder.local.sfn.store.InMemoryExecutionStore;
import dev.samokoder.local.sfn.tasks.TaskIntegrations;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the engine on its own with the Step Functions API on a loopback port. Task resources go to the
 * Lambda Invoke API at {@code --lambda-endpoint} (default: $AWS_ENDPOINT_URL_LAMBDA).
 *
 * <pre>
 * --port N              API port, default 8083, 0 for any free port
 * --data-dir DIR        persist executions here and resume them on start; without it nothing survives a restart
 * --lambda-endpoint URL where functions are invoked
 * --region R, --account-id A   used in ARNs (default us-east-1, 000000000000)
 * </pre>
 */
public final class AslEngineMain {

    private static final int DEFAULT_PORT = 8083;

    private AslEngineMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = DEFAULT_PORT;
        Path dataDir = null;
        String lambdaEndpoint = System.getenv("AWS_ENDPOINT_URL_LAMBDA");
        String region = EngineConfig.DEFAULT_REGION;
        String accountId = EngineConfig.DEFAULT_ACCOUNT_ID;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(require(args[i], value));
                case "--data-dir" -> dataDir = Path.of(require(args[i], value));
                case "--lambda-endpoint" -> lambdaEndpoint = require(args[i], value);
                case "--region" -> region = require(args[i], value);
                case "--account-id" -> accountId = require(args[i], value);
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i]);
                    usage();
                    System.exit(2);
                }
            }
            i++;
        }
        ExecutionStore store = dataDir == null ? new InMemoryExecutionStore() : new FileExecutionStore(dataDir);
        TaskIntegrations integrations = TaskIntegrations.builder()
                .lambdaEndpoint(lambdaEndpoint == null || lambdaEndpoint.isBlank() ? null : URI.create(lambdaEndpoint))
                .build();
        StepFunctionsEngine engine = StepFunctionsEngine.start(EngineConfig.builder()
                .store(store).integrations(integrations).region(region).accountId(accountId).build());
        SfnApiServer api = SfnApiServer.start(engine, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            engine.close();
            stopped.countDown();
        }, "asl-engine-shutdown"));
        System.out.println("ASL engine listening on " + api.endpoint()
                + " (data dir: " + (dataDir == null ? "none, in memory" : dataDir.toAbsolutePath())
                + ", lambda endpoint: " + (lambdaEndpoint == null ? "none" : lambdaEndpoint) + ")");
        System.out.flush();
        stopped.await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static void usage() {
        System.out.println("usage: asl-engine [--port N] [--data-dir DIR] [--lambda-endpoint URL] [--region R] [--account-id A]");
    }
}
