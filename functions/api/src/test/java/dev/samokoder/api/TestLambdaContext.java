package dev.samokoder.api;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.samokoder.api.routes.ApiRoutes;
import java.nio.charset.StandardCharsets;

/** The Lambda {@link Context} of one test invocation of the API function; the handler reads none of it today. */
public record TestLambdaContext(String awsRequestId) implements Context {

    @Override
    public String getAwsRequestId() {
        return awsRequestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + ApiRoutes.API.name();
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return ApiRoutes.API.name();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-central-1:123456789012:function:" + ApiRoutes.API.name();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null; // only set for mobile SDK invocations, never for API Gateway
    }

    @Override
    public ClientContext getClientContext() {
        return null; // only set for mobile SDK invocations, never for API Gateway
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) ApiRoutes.API.timeout().toMillis();
    }

    @Override
    public int getMemoryLimitInMB() {
        return ApiRoutes.API.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.print(message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
