package dev.samokoder.local;

import dev.samokoder.agents.AgentServices;
import dev.samokoder.api.routes.ApiRoutes;
import dev.samokoder.api.webhooks.HookServices;
import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.storage.PlatformResources;
import dev.samokoder.embedded.EmbeddedAws;
import dev.samokoder.embedded.EmbeddedAwsException;
import dev.samokoder.embedded.Ports;
import dev.samokoder.llm.providers.LlmGateways;
import dev.samokoder.local.gateway.GatewaySetup;
import dev.samokoder.local.gateway.HealthCheck;
import dev.samokoder.local.gateway.LocalGateway;
import dev.samokoder.local.queues.LocalQueueConsumers;
import dev.samokoder.local.sandbox.LocalSandbox;
import dev.samokoder.local.workflow.LocalWorkflow;
import dev.samokoder.sandbox.RunActivity;
import dev.samokoder.sandbox.StepFunctionsRunActivity;
import dev.samokoder.services.notifications.SqsRunNotifier;
import dev.samokoder.services.runs.GenerationRunActivity;
import dev.samokoder.services.runs.RunNotifier;
import dev.samokoder.services.runs.RunStarter;
import dev.samokoder.local.preview.LocalPreviews;
import dev.samokoder.services.wiring.Wiring;
import dev.samokoder.workflow.tools.Toolset;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The whole platform on one machine: the embedded AWS stack on the data dir, the platform's
 * resources, the local sandbox for generated code, the local Step Functions engine, the same
 * handlers the Lambdas run, and the gateway in front of them.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);
    /** The local engine does not check roles; state machines still name one, as on AWS. */
    private static final String LOCAL_ROLE_ARN = "arn:aws:iam::000000000000:role/samokoder-local-workflow";

    private final EmbeddedAws stack;
    private final LocalSandbox sandbox;
    private final LocalPreviews previews;
    private final LocalStepFunctions stepFunctions;
    private final SfnClient sfn;
    private final Wiring wiring;
    private final AwsClients clients;
    private final SamokoderConfig config;
    private final LocalGateway gateway;
    private final LocalQueueConsumers queueConsumers;
    private final HookServices hooks;
    private final String generationStateMachineArn;
    private boolean closed;

    private LocalPlatform(EmbeddedAws stack, LocalSandbox sandbox, LocalPreviews previews, LocalStepFunctions stepFunctions, SfnClient sfn,
                          Wiring wiring, LocalGateway gateway,
                          LocalQueueConsumers queueConsumers, HookServices hooks, String generationStateMachineArn) {
        this.queueConsumers = queueConsumers;
        this.hooks = hooks;
        this.generationStateMachineArn = generationStateMachineArn;
        this.stack = stack;
        this.sandbox = sandbox;
        this.previews = previews;
        this.stepFunctions = stepFunctions;
        this.sfn = sfn;
        this.wiring = wiring;
        this.clients = wiring.clients();
        this.config = wiring.config();
        this.gateway = gateway;
    }

    /** Starts everything (see {@link #start(SamokoderConfig, Clock, RunStarter)}). */
    public static LocalPlatform start(SamokoderConfig baseConfig, Clock clock) {
        return start(baseConfig, clock, List.of(), Optional.empty(), Toolset.WORKSPACE);
    }

    /** @param interceptors see every DynamoDB and S3 call of the platform's clients (benchmarks meter I/O with them) */
    public static LocalPlatform start(SamokoderConfig baseConfig, Clock clock, List<ExecutionInterceptor> interceptors) {
        return start(baseConfig, clock, interceptors, Optional.empty(), Toolset.WORKSPACE);
    }

    /** With {@code runs} starting the runs of webhook deliveries instead of the runs API (tests record them). */
    public static LocalPlatform start(SamokoderConfig baseConfig, Clock clock, RunStarter runs) {
        return start(baseConfig, clock, List.of(), Optional.of(runs), Toolset.WORKSPACE);
    }

    /** With other workspace tools for the agents than the platform's (a test that withholds one to show it is needed). */
    public static LocalPlatform start(SamokoderConfig baseConfig, Clock clock, Toolset toolset) {
        return start(baseConfig, clock, List.of(), Optional.empty(), toolset);
    }

    /**
     * Starts everything; on failure, stops whatever had started and rethrows. The data dir is
     * never modified except by the components' normal writes.
     *
     * @param webhookRuns what starts the runs of webhook deliveries; empty: the runs API's own service
     */
    private static LocalPlatform start(SamokoderConfig baseConfig, Clock clock, List<ExecutionInterceptor> interceptors,
                                       Optional<RunStarter> webhookRuns, Toolset toolset) {
        SamokoderConfig.Local local = baseConfig.local();
        // a taken gateway port is reported at once, not after the components took their time to start
        Ports.requireFree("gateway", local.host(), local.port());
        EmbeddedAws stack = EmbeddedAws.start(new EmbeddedAws.Options(local.dataDir(), local.host(),
                local.dynamoDbPort(), local.s3Port(), local.sqsPort(), baseConfig.aws().region(),
                SamokoderConfig.LOCAL_ACCESS_KEY_ID, SamokoderConfig.LOCAL_SECRET_ACCESS_KEY));
        SamokoderConfig config = baseConfig.withAws(baseConfig.aws()
                .withEndpoints(stack.dynamoDbEndpoint(), stack.s3Endpoint(), stack.sqsEndpoint()));
        AwsClients clients = new AwsClients(config.aws(), interceptors);
        LocalSandbox sandbox = null;
        LocalPreviews previews = null;
        LocalStepFunctions stepFunctions = null;
        SfnClient sfn = null;
        LocalQueueConsumers queueConsumers = null;
        try {
            ensureResources(config, clients, stack);
            Wiring wiring = new Wiring(config, clients, clock);
            sandbox = LocalSandbox.create(wiring);
            previews = new LocalPreviews(sandbox, wiring.previews(), wiring.previewAccess(), local.host(),
                    config.sandbox().previews().idle(), clock);
            AgentServices agents = AgentServices.create(wiring, LlmGateways.fromWiring(wiring),
                    SqsRunNotifier.fromConfig(config, clients.sqs(), clock), toolset);
            stepFunctions = LocalStepFunctions.start(stack.dataDir(), local.host(), local.sfnPort(), config.aws().region(),
                    sandbox.ecsRunner(), LocalWorkflow.functions(agents));
            sfn = sfnClient(config, stepFunctions.endpoint());
            String generationArn = LocalWorkflow.deploy(sfn, LOCAL_ROLE_ARN);
            sandbox.startReaper(RunActivity.allOf(new GenerationRunActivity(wiring.runRepository()), new StepFunctionsRunActivity(sfn)));
            LocalFunctions.Functions functions = LocalFunctions.create(
                    new Wiring(config.withAws(config.aws().withStateMachineArn(generationArn)), clients, clock), sfn, previews);
            queueConsumers = LocalQueueConsumers.start(functions.hooks(), webhookRuns.orElse(functions.runs()), clock);
            LocalGateway gateway = LocalGateway.start(new GatewaySetup(local.host(), local.port(), ApiRoutes.routes(),
                    functions.functions(),
                    new HealthCheck(probes(config, clients, stack, sfn, stepFunctions.endpoint())),
                    local.staticDir(), config.api().corsOrigins()), clock);
            return new LocalPlatform(stack, sandbox, previews, stepFunctions, sfn, wiring, gateway, queueConsumers,
                    functions.hooks(), generationArn);
        } catch (RuntimeException e) {
            if (queueConsumers != null) {
                queueConsumers.close();
            }
            if (sfn != null) {
                sfn.close();
            }
            if (stepFunctions != null) {
                stepFunctions.close();
            }
            if (previews != null) {
                previews.close();
            }
            if (sandbox != null) {
                sandbox.close();
            }
            clients.close();
            stack.close();
            throw e;
        }
    }

    private static SfnClient sfnClient(SamokoderConfig config, URI endpoint) {
        return SfnClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(config.aws().region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        SamokoderConfig.LOCAL_ACCESS_KEY_ID, SamokoderConfig.LOCAL_SECRET_ACCESS_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private static void ensureResources(SamokoderConfig config, AwsClients clients, EmbeddedAws stack) {
        try {
            PlatformResources.ensure(config.aws(), clients.dynamoDb(), clients.s3(), clients.sqs());
        } catch (SdkException | IllegalStateException e) {
            String where = stack.dataDir() == null ? "in memory" : "in " + stack.dataDir();
            throw new EmbeddedAwsException("the platform's data " + where + " could not be read or prepared: "
                    + e.getMessage() + ". Nothing was deleted; move the data dir aside to start empty", e);
        }
    }

    private static List<HealthCheck.Probe> probes(SamokoderConfig config, AwsClients clients, EmbeddedAws stack,
                                                  SfnClient sfn, URI sfnEndpoint) {
        var aws = config.aws();
        return List.of(
                new HealthCheck.Probe("dynamodb", stack.dynamoDbEndpoint().toString(), () -> clients.dynamoDb()
                        .describeTable(r -> r.tableName(aws.tableName()).overrideConfiguration(o -> o.apiCallTimeout(PROBE_TIMEOUT)))),
                new HealthCheck.Probe("s3", stack.s3Endpoint().toString(), () -> clients.s3()
                        .headBucket(r -> r.bucket(aws.bucketName()).overrideConfiguration(o -> o.apiCallTimeout(PROBE_TIMEOUT)))),
                new HealthCheck.Probe("sqs", stack.sqsEndpoint().toString(), () -> clients.sqs()
                        .getQueueUrl(r -> r.queueName(aws.webhookQueueName()).overrideConfiguration(o -> o.apiCallTimeout(PROBE_TIMEOUT)))),
                new HealthCheck.Probe(LocalStepFunctions.COMPONENT, sfnEndpoint.toString(), () -> sfn
                        .listStateMachines(r -> r.maxResults(1).overrideConfiguration(o -> o.apiCallTimeout(PROBE_TIMEOUT)))));
    }

    public SamokoderConfig config() {
        return config;
    }

    public AwsClients clients() {
        return clients;
    }

    /** The platform's parts on its clients and configuration (the agents' and the tools'). */
    public Wiring wiring() {
        return wiring;
    }

    public EmbeddedAws stack() {
        return stack;
    }

    public int port() {
        return gateway.port();
    }

    public LocalSandbox sandbox() {
        return sandbox;
    }

    /** The generation workflow's state machine in the local engine. */
    public String generationStateMachineArn() {
        return generationStateMachineArn;
    }

    /** A client of the local engine's API (the platform's own; closed with the platform). */
    public SfnClient stepFunctions() {
        return sfn;
    }

    public URI stepFunctionsEndpoint() {
        return stepFunctions.endpoint();
    }

    /** The workflow's notifier: queues run notifications for the local notification sender. */
    public RunNotifier runNotifier() {
        return hooks.runNotifier();
    }

    /**
     * Stops the gateway first (no new requests), then the queue pollers, the sandbox, the engine,
     * the clients and the stack; safe to call twice.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        gateway.close();
        queueConsumers.close();
        previews.close();
        sandbox.close(); // its reaper asks Step Functions through sfn; running sandboxes end here
        sfn.close();
        stepFunctions.close();
        clients.close();
        stack.close();
        log.info("local platform stopped");
    }
}
