package dev.samokoder.local;

import com.nimbusds.jose.jwk.ECKey;
import dev.samokoder.api.ApiHandler;
import dev.samokoder.api.ApiServices;
import dev.samokoder.api.AuthorizerHandler;
import dev.samokoder.api.routing.ApiRoutes;
import dev.samokoder.local.gateway.HttpAuthorizer;
import dev.samokoder.local.gateway.HttpFunction;
import dev.samokoder.shared.auth.SigningKeys;
import dev.samokoder.shared.aws.AwsClients;
import dev.samokoder.shared.config.SamokoderConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The functions the local gateway invokes: the same handler classes the Lambda runtime runs,
 * built with their collaborators (the runtime uses their no-argument constructors, which read the
 * environment; locally the endpoints are known only once the stack has started).
 */
final class LocalFunctions {

    /** Where local mode keeps the access-token signing key, inside the data dir. */
    static final String SIGNING_KEY_FILE = "keys/jwt-signing-key.json";

    record Wiring(Map<String, HttpFunction> functions, HttpAuthorizer authorizer) {
    }

    private LocalFunctions() {
    }

    static Wiring create(SamokoderConfig config, AwsClients clients, Path dataDir, Clock clock) {
        ECKey signingKey = config.auth().signingKeyJwk()
                .map(SigningKeys::parse)
                .orElseGet(() -> SigningKeys.loadOrCreate(dataDir.resolve(SIGNING_KEY_FILE)));
        ApiServices services = ApiServices.create(config, clients, signingKey, clock);
        return new Wiring(
                Map.of(ApiRoutes.API.name(), new HttpFunction(ApiRoutes.API, new ApiHandler(services))),
                new HttpAuthorizer(ApiRoutes.AUTHORIZER, new AuthorizerHandler(services.accessTokens(), services.apiKeys())));
    }
}
