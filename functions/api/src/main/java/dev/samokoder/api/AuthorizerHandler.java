package dev.samokoder.api;

import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.services.apikeys.ApiKeyPrincipal;
import dev.samokoder.services.apikeys.ApiKeySecrets;
import dev.samokoder.services.apikeys.ApiKeyService;
import dev.samokoder.services.auth.AccessTokenClaims;
import dev.samokoder.services.auth.AccessTokens;
import dev.samokoder.services.auth.InvalidAccessTokenException;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API's Lambda authorizer (REQUEST type, payload 2.0, simple responses). It accepts a
 * user's access token ({@code Authorization: Bearer <jwt>}) or an API key ({@code Authorization:
 * Bearer sk_...} or {@code x-api-key: sk_...}) and hands API Gateway who the caller is: the user
 * id, and for a key its id and scopes. Which scope a route needs is checked by the API's pipeline
 * on every request ({@code HttpPipeline}), not here: API Gateway may cache this answer per
 * credential, across routes. Never logs a credential.
 */
public final class AuthorizerHandler implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> {

    private static final Logger log = LoggerFactory.getLogger(AuthorizerHandler.class);
    private static final String BEARER = "bearer ";

    private final AccessTokens accessTokens;
    private final ApiKeyService apiKeys;

    public AuthorizerHandler() {
        this(ApiServices.fromEnv());
    }

    private AuthorizerHandler(ApiServices services) {
        this(services.accessTokens(), services.apiKeys());
    }

    public AuthorizerHandler(AccessTokens accessTokens, ApiKeyService apiKeys) {
        this.accessTokens = accessTokens;
        this.apiKeys = apiKeys;
    }

    @Override
    public SimpleIAMPolicyResponse handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        String authorization = headers.get("authorization");
        Optional<String> bearer = authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)
                ? Optional.of(authorization.substring(BEARER.length()).strip())
                : Optional.empty();
        String apiKey = headers.get("x-api-key");
        if (apiKey == null && bearer.filter(token -> token.startsWith(ApiKeySecrets.PREFIX)).isPresent()) {
            apiKey = bearer.get();
        }
        if (apiKey != null) {
            return apiKey(apiKey.strip());
        }
        if (bearer.isEmpty()) {
            return deny();
        }
        try {
            AccessTokenClaims claims = accessTokens.verify(bearer.get());
            return SimpleIAMPolicyResponse.builder()
                    .withIsAuthorized(true)
                    .withContext(Map.of(ApiRequest.USER_ID, claims.userId(), "sessionId", claims.sessionId()))
                    .build();
        } catch (InvalidAccessTokenException e) {
            log.info("access token refused: {}", e.getMessage());
            return deny();
        }
    }

    private SimpleIAMPolicyResponse apiKey(String secret) {
        Optional<ApiKeyPrincipal> principal = apiKeys.authenticate(secret);
        if (principal.isEmpty()) {
            log.info("API key refused: unknown, revoked or expired");
            return deny();
        }
        return SimpleIAMPolicyResponse.builder()
                .withIsAuthorized(true)
                .withContext(Map.of(ApiRequest.USER_ID, principal.get().userId(),
                        ApiRequest.API_KEY_ID, principal.get().keyId(),
                        ApiRequest.API_KEY_SCOPES, ApiKeyService.formatScopes(principal.get().scopes())))
                .build();
    }

    private static SimpleIAMPolicyResponse deny() {
        return SimpleIAMPolicyResponse.builder().withIsAuthorized(false).withContext(Map.of()).build();
    }
}
