package dev.samokoder.local.gateway;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.samokoder.api.routes.FunctionSpec;

/** A function the gateway can invoke: its spec and the same handler instance the Lambda runtime would call. */
public record HttpFunction(FunctionSpec spec, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
}
