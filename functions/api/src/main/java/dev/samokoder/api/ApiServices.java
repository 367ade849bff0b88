package dev.samokoder.api;

import dev.samokoder.api.http.Authenticator;
import dev.samokoder.api.preview.EcsPreviewLauncher;
import dev.samokoder.api.http.HttpPipeline;
import dev.samokoder.api.http.JsonBodies;
import dev.samokoder.api.http.SecurityHeaders;
import dev.samokoder.api.runs.RunServices;
import dev.samokoder.api.webhooks.HookServices;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.storage.Storage;
import dev.samokoder.core.storage.UserRepository;
import dev.samokoder.services.apikeys.ApiKeySecrets;
import dev.samokoder.services.apikeys.ApiKeyService;
import dev.samokoder.services.auth.AccessTokens;
import dev.samokoder.services.auth.Argon2Params;
import dev.samokoder.services.auth.AuthService;
import dev.samokoder.services.auth.LoginThrottle;
import dev.samokoder.services.auth.PasswordHasher;
import dev.samokoder.services.auth.PasswordPolicy;
import dev.samokoder.services.auth.RateLimiter;
import dev.samokoder.services.auth.RefreshTokens;
import dev.samokoder.services.billing.Admins;
import dev.samokoder.services.billing.CreditLedger;
import dev.samokoder.services.billing.Funding;
import dev.samokoder.services.billing.UsageReports;
import dev.samokoder.services.llmkeys.LlmKeyService;
import dev.samokoder.services.notifications.NotificationService;
import dev.samokoder.services.imports.ImportUploads;
import dev.samokoder.services.imports.ProjectImports;
import dev.samokoder.services.imports.ZipImport;
import dev.samokoder.services.preview.PreviewLauncher;
import dev.samokoder.services.preview.PreviewService;
import dev.samokoder.services.projects.ProjectService;
import dev.samokoder.services.runs.RunService;
import dev.samokoder.services.webhooks.WebhookService;
import dev.samokoder.services.wiring.Wiring;
import dev.samokoder.services.workspace.WorkspaceService;
import java.time.Clock;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Everything the API's operations use, built once per cold start (or once by the local platform).
 */
public record ApiServices(SamokoderConfig config, AuthService auth, UserRepository users, ProjectService projects,
                          WorkspaceService workspace, AccessTokens accessTokens, RateLimiter rateLimiter,
                          SecurityHeaders securityHeaders, JsonBodies bodies, RunService runs, WebhookService webhooks,
                          NotificationService notifications, ApiKeyService apiKeys, RateLimiter apiKeyRateLimiter,
                          LlmKeyService llmKeys, CreditLedger credit, Funding funding, UsageReports usage, Admins admins,
                          Authenticator authenticator, PreviewService previews, ProjectImports imports)
        implements HttpPipeline.Services {

    /** On AWS: configuration, clients, the signing key and the KMS key of stored secrets from the function's environment. */
    public static ApiServices fromEnv() {
        Wiring wiring = Wiring.fromEnv();
        return create(wiring, wiring.clients().sfn(), EcsPreviewLauncher.Deployment.fromEnv(System.getenv())
                .<PreviewLauncher>map(deployment -> new EcsPreviewLauncher(EcsClient.builder()
                        .region(Region.of(wiring.config().aws().region())).httpClient(wiring.clients().http())
                        .credentialsProvider(wiring.clients().credentials()).build(), wiring.runStore(), deployment))
                .orElseGet(() -> PreviewLauncher.unavailable("live previews are not deployed on this stage (it has no "
                        + "SAMOKODER_PREVIEW_DOMAIN; docs/preview.md)")));
    }

    /**
     * @param sfn Step Functions, where {@code SAMOKODER_STATE_MACHINE_ARN} runs (the local engine in local mode)
     * @param previewLauncher what runs live previews (locally the platform's sandbox)
     */
    public static ApiServices create(Wiring wiring, SfnClient sfn, PreviewLauncher previewLauncher) {
        SamokoderConfig config = wiring.config();
        Clock clock = wiring.clock();
        Storage storage = wiring.storage();
        var auth = config.auth();
        AccessTokens accessTokens = new AccessTokens(wiring.signingKey(), auth.issuer(), auth.audience(), auth.accessTokenTtl(), clock);
        AuthService authService = new AuthService(storage.users(),
                new PasswordHasher(new Argon2Params(auth.argon2MemoryKiB(), auth.argon2Iterations(), auth.argon2Parallelism())),
                new PasswordPolicy(), accessTokens, auth.accessTokenTtl(),
                new RefreshTokens(storage.table(), auth.refreshTokenTtl(), clock, config.storage().conflictRetry()),
                new LoginThrottle(storage.table(), auth.loginMaxFailures(), auth.loginWindow(), clock, config.storage().conflictRetry()));
        ProjectService projects = new ProjectService(storage.projects(), storage.files());
        HookServices hooks = HookServices.create(wiring);
        CreditLedger credit = wiring.credit();
        var keyLimits = config.apiKeys();
        ApiKeyService apiKeys = new ApiKeyService(wiring.clients().dynamoDb(), storage.table(), new ApiKeySecrets(wiring.apiKeyPepper()),
                keyLimits.monthlyQuota(), keyLimits.maxPerUser(), clock, config.storage().conflictRetry());
        return new ApiServices(config, authService, storage.users(),
                projects,
                wiring.workspace(),
                accessTokens,
                new RateLimiter(storage.table(), config.api().rateLimitPerMinute(), config.api().rateLimitBurst(), clock,
                        config.storage().conflictRetry()),
                new SecurityHeaders(config.api().corsOrigins()),
                new JsonBodies(),
                RunServices.create(wiring, sfn),
                new WebhookService(hooks.webhooks(), projects, hooks.cipher(), hooks.sqs(), hooks.webhookQueue(),
                        config.hooks().signatureTolerance(), config.hooks().maxPerProject(), clock),
                new NotificationService(hooks.subscriptions(), projects, hooks.cipher(), hooks.guard(), clock),
                apiKeys,
                new RateLimiter(storage.table(), keyLimits.ratePerMinute(), keyLimits.burst(), clock, config.storage().conflictRetry()),
                wiring.llmKeys(),
                credit,
                wiring.funding(),
                new UsageReports(wiring.usageMeter(), credit, storage.table(), clock),
                new Admins(storage.users(), config.billing().adminEmails()),
                new Authenticator(accessTokens, apiKeys),
                new PreviewService(projects, wiring.runArtifacts(), wiring.workspaceSnapshots(), wiring.previews(), wiring.previewAccess(),
                        previewLauncher, config.sandbox().previews(), clock),
                new ProjectImports(projects, storage.files(), storage.blobs(), new ZipImport.Limits(config.api().imports().maxZipBytes(),
                        config.api().imports().maxFiles(), config.limits().maxBlobBytes(), config.api().imports().maxTotalBytes()),
                        new ImportUploads(wiring.clients().s3(), wiring.clients().s3Presigner(), config.aws().bucketName(),
                                config.api().imports().maxUploadBytes(), clock)));
    }
}
