package dev.samokoder.api.http;

import dev.samokoder.services.apikeys.ApiKeyPrincipal;
import dev.samokoder.services.apikeys.ApiKeySecrets;
import dev.samokoder.services.apikeys.ApiKeyService;
import dev.samokoder.services.apikeys.ApiScope;
import dev.samokoder.services.auth.AccessTokenClaims;
import dev.samokoder.services.auth.AccessTokens;
import dev.samokoder.services.auth.InvalidAccessTokenException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is calling an authenticated route, decided in the API function itself (there is no Lambda
 * authorizer: API Gateway passes every request on, and the function answers 401 with a Bearer
 * challenge and a problem, as RFC 6750 and RFC 9457 say, on AWS and locally alike). It accepts a
 * user's access token ({@code Authorization: Bearer <jwt>}) or an API key ({@code x-api-key: sk_...},
 * or {@code Authorization: Bearer sk_...}). Never logs a credential.
 */
public final class Authenticator {

    private static final Logger log = LoggerFactory.getLogger(Authenticator.class);
    private static final String BEARER = "bearer";

    /** The caller of an authenticated route: a user, through their access token or one of their API keys. */
    public record Caller(String userId, Optional<String> apiKeyId, Set<ApiScope> apiKeyScopes) {

        static Caller user(AccessTokenClaims claims) {
            return new Caller(claims.userId(), Optional.empty(), Set.of());
        }

        static Caller apiKey(ApiKeyPrincipal key) {
            return new Caller(key.userId(), Optional.of(key.keyId()), Set.copyOf(key.scopes()));
        }
    }

    private final AccessTokens accessTokens;
    private final ApiKeyService apiKeys;

    public Authenticator(AccessTokens accessTokens, ApiKeyService apiKeys) {
        this.accessTokens = accessTokens;
        this.apiKeys = apiKeys;
    }

    /**
     * @throws ApiException 401 without a Bearer credential (none, or another scheme such as Basic), and 401
     *                      {@code invalid_token} for a credential that is not valid
     */
    public Caller authenticate(ApiRequest request) {
        Optional<String> apiKey = request.header("x-api-key").map(String::strip).filter(key -> !key.isEmpty());
        Optional<String> authorization = request.header("authorization").map(String::strip).filter(value -> !value.isEmpty());
        Optional<String> bearer = authorization.flatMap(Authenticator::bearerCredential);
        if (apiKey.isEmpty() && bearer.filter(token -> token.startsWith(ApiKeySecrets.PREFIX)).isPresent()) {
            apiKey = bearer;
        }
        if (apiKey.isPresent()) {
            return apiKeys.authenticate(apiKey.get()).map(Caller::apiKey).orElseThrow(() -> {
                log.info("API key refused: unknown, revoked or expired");
                return ApiException.invalidToken("the API key is unknown, revoked or expired", false);
            });
        }
        if (bearer.isEmpty()) {
            throw ApiException.unauthorized(authorization.isPresent()
                    ? "only the Bearer scheme is accepted: send Authorization: Bearer <access token or API key>"
                    : "sign in first: send Authorization: Bearer <access token>, or an API key in x-api-key");
        }
        try {
            return Caller.user(accessTokens.verify(bearer.get()));
        } catch (InvalidAccessTokenException e) {
            log.info("access token refused: {}", e.getMessage());
            throw ApiException.invalidToken(e.expired()
                    ? "the access token expired; get a new one (POST /v1/auth/refresh) or sign in again"
                    : "the access token is not valid; sign in again", e.expired());
        }
    }

    /** The credential of a Bearer authorization ({@code Bearer <credential>}, the scheme in any case); empty for another scheme. */
    private static Optional<String> bearerCredential(String authorization) {
        int space = authorization.indexOf(' ');
        String scheme = space < 0 ? authorization : authorization.substring(0, space);
        if (!scheme.toLowerCase(Locale.ROOT).equals(BEARER)) {
            return Optional.empty();
        }
        return Optional.of(space < 0 ? "" : authorization.substring(space + 1).strip());
    }
}
