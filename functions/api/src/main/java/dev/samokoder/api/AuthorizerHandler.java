package dev.samokoder.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import dev.samokoder.api.http.ApiRequest;
import dev.samokoder.shared.auth.AccessTokenClaims;
import dev.samokoder.shared.auth.AccessTokens;
import dev.samokoder.shared.auth.InvalidAccessTokenException;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API's Lambda authorizer (REQUEST type, payload 2.0, simple responses): validates the
 * bearer access token and hands API Gateway the user id, which handlers then read from the
 * request context and trust alone. Never logs the token.
 */
public final class AuthorizerHandler implements RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> {

    private static final Logger log = LoggerFactory.getLogger(AuthorizerHandler.class);
    private static final String BEARER = "bearer ";

    private final AccessTokens accessTokens;

    public AuthorizerHandler() {
        this(ApiServices.fromEnv().accessTokens());
    }

    public AuthorizerHandler(AccessTokens accessTokens) {
        this.accessTokens = accessTokens;
    }

    @Override
    public SimpleIAMPolicyResponse handleRequest(APIGatewayV2CustomAuthorizerEvent event, Context context) {
        Map<String, String> headers = event.getHeaders();
        String authorization = headers == null ? null : headers.get("authorization");
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return deny();
        }
        try {
            AccessTokenClaims claims = accessTokens.verify(authorization.substring(BEARER.length()).strip());
            return SimpleIAMPolicyResponse.builder()
                    .withIsAuthorized(true)
                    .withContext(Map.of(ApiRequest.USER_ID, claims.userId(), "sessionId", claims.sessionId()))
                    .build();
        } catch (InvalidAccessTokenException e) {
            log.info("access token refused: {}", e.getMessage());
            return deny();
        }
    }

    private static SimpleIAMPolicyResponse deny() {
        return SimpleIAMPolicyResponse.builder().withIsAuthorized(false).withContext(Map.of()).build();
    }
}
