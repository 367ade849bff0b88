package dev.samokoder.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.SimpleIAMPolicyResponse;
import dev.samokoder.api.routes.FunctionSpec;

/** The Lambda authorizer the gateway runs before authenticated routes: the same handler instance AWS would call. */
public record HttpAuthorizer(FunctionSpec spec,
                             RequestHandler<APIGatewayV2CustomAuthorizerEvent, SimpleIAMPolicyResponse> handler) {
}
