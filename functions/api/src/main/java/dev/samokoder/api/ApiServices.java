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
import dev.samokoder.shared.notifications.NotificationService;
import dev.samokoder.shared.projects.ProjectService;
import dev.samokoder.shared.storage.Storage;
import dev.samokoder.shared.storage.UserRepository;
import dev.samokoder.shared.webhooks.WebhookService;
import dev.samokoder.shared.workspace.WorkspaceService;
import java.time.Clock;

/**
 * Everything the API's operations use, built once per cold start (or once by the local platform).
 */
public record ApiServices(SamokoderConfig config, AuthService auth, UserRepository users, ProjectService projects,
                          WorkspaceService workspace, AccessTokens accessTokens, RateLimiter rateLimiter,
                          SecurityHeaders securityHeaders, JsonBodies bodies, WebhookService webhooks,
                          NotificationService notifications) {

    /** On AWS: configuration and the signing key from the function's environment. */
    public static ApiServices fromEnv() {
        SamokoderConfig config = SamokoderConfig.fromEnv();
        String jwk = config.auth().signingKeyJwk()
                .orElseThrow(() -> new ConfigException("SAMOKODER_JWT_SIGNING_KEY is required outside local mode"));
        return create(config, new AwsClients(config.aws()), SigningKeys.parse(jwk), HookServices.secretBox(config),
                Clock.systemUTC());
    }

    public static ApiServices create(SamokoderConfig config, AwsClients clients, ECKey signingKey, SecretBox secretBox,
                                     Clock clock) {
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
                new WebhookService(hooks.webhooks(), projects, secretBox, hooks.sqs(), hooks.webhookQueue(),
                        config.hooks().signatureTolerance(), config.hooks().maxPerProject(), clock),
                new NotificationService(hooks.subscriptions(), projects, secretBox, hooks.guard(), clock));
    }
}
