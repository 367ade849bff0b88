package dev.samokoder.local.gateway;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.samokoder.api.routes.FunctionSpec;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Lambda {@link Context} of one local invocation: a real deadline, request id and logger. */
public final class LocalLambdaContext implements Context {

    private final FunctionSpec function;
    private final String requestId;
    private final Instant deadline;
    private final Clock clock;
    private final LambdaLogger logger;

    public LocalLambdaContext(FunctionSpec function, String requestId, Clock clock) {
        this.function = function;
        this.requestId = requestId;
        this.clock = clock;
        this.deadline = clock.instant().plus(function.timeout());
        Logger log = LoggerFactory.getLogger("lambda." + function.name());
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                log.info("[{}] {}", requestId, message.stripTrailing());
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function.name();
    }

    @Override
    public String getLogStreamName() {
        return "local";
    }

    @Override
    public String getFunctionName() {
        return function.name();
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:local:" + HttpApiEvents.ACCOUNT_ID + ":function:" + function.name();
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
        return (int) Math.max(0, deadline.toEpochMilli() - clock.millis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return function.memoryMb();
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
