package dev.samokoder.api;

import dev.samokoder.api.http.HttpPipeline;
import dev.samokoder.api.http.JsonBodies;
import dev.samokoder.api.http.SecurityHeaders;
import dev.samokoder.api.runs.RunServices;
import dev.samokoder.api.webhooks.HookServices;
import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.ConfigException;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.crypto.SecretBox;
import dev.samokoder.core.secrets.SecretCiphers;
import dev.samokoder.core.secrets.SecretFiles;
import dev.samokoder.core.storage.SnapStartPriming;
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
import dev.samokoder.services.auth.SigningKeys;
import dev.samokoder.services.billing.Admins;
import dev.samokoder.services.billing.CreditLedger;
import dev.samokoder.services.billing.Funding;
import dev.samokoder.services.billing.UsageMeter;
import dev.samokoder.services.billing.UsageReports;
import dev.samokoder.services.llmkeys.LlmKeyService;
import dev.samokoder.services.notifications.NotificationService;
import dev.samokoder.services.projects.ProjectService;
import dev.samokoder.services.runs.RunFunding;
import dev.samokoder.services.runs.RunService;
import dev.samokoder.services.webhooks.WebhookService;
import dev.samokoder.services.workspace.WorkspaceService;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Everything the API's operations use, built once per cold start (or once by the local platform).
 */
public record ApiServices(SamokoderConfig config, AuthService auth, UserRepository users, ProjectService projects,
                          WorkspaceService workspace, AccessTokens accessTokens, RateLimiter rateLimiter,
                          SecurityHeaders securityHeaders, JsonBodies bodies, RunService runs, WebhookService webhooks,
                          NotificationService notifications, ApiKeyService apiKeys, RateLimiter apiKeyRateLimiter,
                          LlmKeyService llmKeys, CreditLedger credit, Funding funding, UsageReports usage, Admins admins)
        implements HttpPipeline.Services {

    /** Where local mode keeps the secret API keys are hashed with, inside the data dir. */
    public static final String API_KEY_PEPPER_FILE = "keys/api-key-pepper";

    /** On AWS: configuration and the signing key from the function's environment. */
    public static ApiServices fromEnv() {
        SamokoderConfig config = SamokoderConfig.fromEnv();
        String jwk = config.auth().signingKeyJwk()
                .orElseThrow(() -> new ConfigException("SAMOKODER_JWT_SIGNING_KEY is required outside local mode"));
        AwsClients clients = new AwsClients(config.aws());
        SnapStartPriming.register(clients);
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
                new RefreshTokens(storage.table(), auth.refreshTokenTtl(), clock, config.storage().conflictRetry()),
                new LoginThrottle(storage.table(), auth.loginMaxFailures(), auth.loginWindow(), clock, config.storage().conflictRetry()));
        ProjectService projects = new ProjectService(storage.projects(), storage.files());
        HookServices hooks = HookServices.create(config, clients, secretBox, clock);
        var dynamoDb = clients.dynamoDb();
        CreditLedger credit = new CreditLedger(storage.table(), clock, config.storage().hotConflictRetry());
        var keyLimits = config.apiKeys();
        LlmKeyService llmKeys = new LlmKeyService(dynamoDb, storage.table(), SecretCiphers.create(config, config.local().dataDir()),
                config.llm().privateBaseUrlsAllowed(), clock, config.storage().conflictRetry());
        Funding funding = new Funding(credit);
        return new ApiServices(config, authService, storage.users(),
                projects,
                new WorkspaceService(storage.files(), storage.blobs(), clients.s3(), clients.s3Presigner(),
                        config.aws().bucketName(), config.api().exportUrlTtl(), clock),
                accessTokens,
                new RateLimiter(storage.table(), config.api().rateLimitPerMinute(), config.api().rateLimitBurst(), clock,
                        config.storage().conflictRetry()),
                new SecurityHeaders(config.api().corsOrigins()),
                new JsonBodies(),
                RunServices.create(config, clients, sfn, storage, RunFunding.forDefaultModel(config.llm(), llmKeys, funding), clock),
                new WebhookService(hooks.webhooks(), projects, secretBox, hooks.sqs(), hooks.webhookQueue(),
                        config.hooks().signatureTolerance(), config.hooks().maxPerProject(), clock),
                new NotificationService(hooks.subscriptions(), projects, secretBox, hooks.guard(), clock),
                new ApiKeyService(dynamoDb, storage.table(), new ApiKeySecrets(apiKeyPepper(config)), keyLimits.monthlyQuota(),
                        keyLimits.maxPerUser(), clock, config.storage().conflictRetry()),
                new RateLimiter(storage.table(), keyLimits.ratePerMinute(), keyLimits.burst(), clock, config.storage().conflictRetry()),
                llmKeys,
                credit,
                funding,
                new UsageReports(new UsageMeter(dynamoDb, storage.table(), clock), credit, storage.table(), clock),
                new Admins(storage.users(), config.billing().adminEmails()));
    }

    /** The configured pepper (on AWS, from Secrets Manager), or in local mode the data dir's, made on first start. */
    private static byte[] apiKeyPepper(SamokoderConfig config) {
        Optional<String> configured = config.secrets().apiKeyPepper();
        if (configured.isEmpty()) {
            if (!config.aws().local()) {
                throw new ConfigException("SAMOKODER_API_KEY_PEPPER is required outside local mode");
            }
            return SecretFiles.loadOrCreateRandom(config.local().dataDir().resolve(API_KEY_PEPPER_FILE), 32);
        }
        try {
            byte[] pepper = Base64.getDecoder().decode(configured.get());
            if (pepper.length >= 32) {
                return pepper;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new ConfigException("SAMOKODER_API_KEY_PEPPER must be base64 of at least 32 random bytes");
    }
}
