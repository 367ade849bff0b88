package dev.samokoder.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.samokoder.api.http.HttpPipeline;

/**
 * The Lambda behind every HTTP API route: finds the route's operation and runs it through the
 * pipeline (limits, identity, rate limit, errors, headers, access log). Thin by design.
 */
public final class ApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final HttpPipeline pipeline;

    /** The Lambda runtime's constructor: real clients from the environment, once per cold start. */
    public ApiHandler() {
        this(ApiServices.fromEnv());
    }

    public ApiHandler(ApiServices services) {
        this.pipeline = new HttpPipeline(ApiOperations.bind(services), services);
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return pipeline.handle(event);
    }
}
