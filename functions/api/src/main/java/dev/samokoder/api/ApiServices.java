package dev.samokoder.api;

import com.nimbusds.jose.jwk.ECKey;
import dev.samokoder.api.http.JsonBodies;
import dev.samokoder.api.http.SecurityHeaders;
import dev.samokoder.api.webhooks.HookServices;
import dev.samokoder.shared.auth.AccessTokens;
import dev.samokoder.shared.auth.Argon2Params;
import dev.samokoder.shared.auth.AuthService;
import dev.samokoder.shared.auth.LoginThrottle;
import dev.samokoder.shared.auth.PasswordHasher;
import dev.samokoder.shared.auth.PasswordPolicy;
import dev.samokoder.shared.auth.RateLimiter;
import dev.samokoder.shared.auth.RefreshTokens;
import dev.samokoder.shared.auth.SigningKeys;
import dev.samokoder.shared.aws.AwsClients;
import dev.samokoder.shared.config.ConfigException;
import dev.samokoder.shared.config.SamokoderConfig;
import dev.samokoder.shared.crypto.SecretBox;
import dev.samokoder.shared.llm.ledger.CostLedger;
import dev.samokoder.shared.notifications.NotificationService;
import dev.samokoder.shared.projects.ProjectService;
import dev.samokoder.shared.sandbox.SnapshotStore;
import dev.samokoder.shared.storage.Storage;
import dev.samokoder.shared.storage.UserRepository;
import dev.samokoder.shared.webhooks.WebhookService;
import dev.samokoder.shared.workflow.RunEvents;
import dev.samokoder.shared.workflow.RunRepository;
import dev.samokoder.shared.workflow.RunService;
import dev.samokoder.shared.workflow.WorkflowControl;
import dev.samokoder.shared.workflow.agents.AgentLimits;
import dev.samokoder.shared.workflow.agents.artifacts.RunArtifacts;
import dev.samokoder.shared.workspace.WorkspaceService;
import dev.samokoder.shared.workspace.WorkspaceSnapshots;
import java.time.Clock;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Everything the API's operations use, built once per cold start (or once by the local platform).
 */
public record ApiServices(SamokoderConfig config, AuthService auth, UserRepository users, ProjectService projects,
                          WorkspaceService workspace, AccessTokens accessTokens, RateLimiter rateLimiter,
                          SecurityHeaders securityHeaders, JsonBodies bodies, RunService runs, WebhookService webhooks,
                          NotificationService notifications) {

    /** On AWS: configuration and the signing key from the function's environment. */
    public static ApiServices fromEnv() {
        SamokoderConfig config = SamokoderConfig.fromEnv();
        String jwk = config.auth().signingKeyJwk()
                .orElseThrow(() -> new ConfigException("SAMOKODER_JWT_SIGNING_KEY is required outside local mode"));
        AwsClients clients = new AwsClients(config.aws());
        return create(config, clients, clients.sfn(), SigningKeys.parse(jwk), HookServices.secretBox(config), Clock.systemUTC());
    }

    /**
     * @param sfn Step Functions, where {@code SAMOKODER_STATE_MACHINE_ARN} runs (the local engine in local mode)
     */
    public static ApiServices create(SamokoderConfig config, AwsClients clients, SfnClient sfn, ECKey signingKey,
                                     SecretBox secretBox, Clock clock) {
        Storage storage = Storage.create(clients, config, clock);
        var auth = config.auth();
        AccessTokens accessTokens = new AccessTokens(signingKey, auth.issuer(), auth.audience(), auth.accessTokenTtl(), clock);
        AuthService authService = new AuthService(storage.users(),
                new PasswordHasher(new Argon2Params(auth.argon2MemoryKiB(), auth.argon2Iterations(), auth.argon2Parallelism())),
                new PasswordPolicy(), accessTokens, auth.accessTokenTtl(),
                new RefreshTokens(storage.table(), auth.refreshTokenTtl(), clock),
                new LoginThrottle(storage.table(), auth.loginMaxFailures(), auth.loginWindow(), clock));
        ProjectService projects = new ProjectService(storage.projects(), storage.files());
        HookServices hooks = HookServices.create(config, clients, secretBox, clock);
        return new ApiServices(config, authService, storage.users(),
                projects,
                new WorkspaceService(storage.files(), storage.blobs(), clients.s3(), clients.s3Presigner(),
                        config.aws().bucketName(), config.api().exportUrlTtl(), clock),
                accessTokens,
                new RateLimiter(storage.table(), config.api().rateLimitPerMinute(), config.api().rateLimitBurst(), clock),
                new SecurityHeaders(config.api().corsOrigins()),
                new JsonBodies(),
                runService(config, clients, sfn, storage, clock),
                new WebhookService(hooks.webhooks(), projects, secretBox, hooks.sqs(), hooks.webhookQueue(),
                        config.hooks().signatureTolerance(), config.hooks().maxPerProject(), clock),
                new NotificationService(hooks.subscriptions(), projects, secretBox, hooks.guard(), clock));
    }

    private static RunService runService(SamokoderConfig config, AwsClients clients, SfnClient sfn, Storage storage, Clock clock) {
        String stateMachine = config.aws().stateMachineArn()
                .orElseThrow(() -> new ConfigException("SAMOKODER_STATE_MACHINE_ARN is required: the runs API starts that state machine"));
        var dynamoDb = clients.dynamoDb();
        return new RunService(storage.projects(), new RunRepository(storage.table(), clock), new RunEvents(dynamoDb, storage.table(), clock),
                new RunArtifacts(dynamoDb, storage.table(), clock, AgentLimits.defaults()),
                new WorkspaceSnapshots(storage.files(), new SnapshotStore(clients.s3(), config.aws().bucketName())),
                new CostLedger(dynamoDb, storage.table(), clock),
                new WorkflowControl(sfn, stateMachine, config.workflow()));
    }
}
