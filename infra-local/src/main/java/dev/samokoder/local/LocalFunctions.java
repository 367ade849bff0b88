package dev.samokoder.local;

import dev.samokoder.api.ApiHandler;
import dev.samokoder.api.ApiServices;
import dev.samokoder.api.AuthorizerHandler;
import dev.samokoder.api.routing.ApiRoutes;
import dev.samokoder.api.webhooks.HookServices;
import dev.samokoder.core.aws.AwsClients;
import dev.samokoder.core.config.SamokoderConfig;
import dev.samokoder.core.crypto.SecretBox;
import dev.samokoder.core.crypto.SecretBoxKeys;
import dev.samokoder.local.gateway.HttpAuthorizer;
import dev.samokoder.local.gateway.HttpFunction;
import dev.samokoder.services.auth.SigningKeys;
import dev.samokoder.services.runs.RunStarter;
import com.nimbusds.jose.jwk.ECKey;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * The functions the local gateway invokes: the same handler classes the Lambda runtime runs,
 * built with their collaborators (the runtime uses their no-argument constructors, which read the
 * environment; locally the endpoints are known only once the stack has started).
 */
final class LocalFunctions {

    /** Where local mode keeps the access-token signing key, inside the data dir. */
    static final String SIGNING_KEY_FILE = "keys/jwt-signing-key.json";
    /** Where local mode keeps the key that encrypts signing secrets at rest, inside the data dir. */
    static final String SECRET_BOX_KEY_FILE = "keys/secret-box.key";

    /** @param runs what starts runs: the runs API's service, which webhook deliveries use too */
    record Wiring(Map<String, HttpFunction> functions, HttpAuthorizer authorizer, HookServices hooks, RunStarter runs) {
    }

    private LocalFunctions() {
    }

    /** The configured key, or local mode's own in the data dir (generated on first start, mode 0600). */
    static SecretBox secretBox(SamokoderConfig config, Path dataDir) {
        return config.hooks().secretBoxKey().isPresent()
                ? HookServices.secretBox(config)
                : SecretBoxKeys.loadOrCreate(dataDir.resolve(SECRET_BOX_KEY_FILE));
    }

    static Wiring create(SamokoderConfig config, AwsClients clients, SfnClient sfn, Path dataDir, Clock clock) {
        ECKey signingKey = config.auth().signingKeyJwk()
                .map(SigningKeys::parse)
                .orElseGet(() -> SigningKeys.loadOrCreate(dataDir.resolve(SIGNING_KEY_FILE)));
        SecretBox secretBox = secretBox(config, dataDir);
        ApiServices services = ApiServices.create(config, clients, sfn, signingKey, secretBox, clock);
        return new Wiring(
                Map.of(ApiRoutes.API.name(), new HttpFunction(ApiRoutes.API, new ApiHandler(services))),
                new HttpAuthorizer(ApiRoutes.AUTHORIZER, new AuthorizerHandler(services.accessTokens(), services.apiKeys())),
                HookServices.create(config, clients, secretBox, clock),
                services.runs());
    }
}
