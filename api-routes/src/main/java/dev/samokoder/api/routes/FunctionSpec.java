package dev.samokoder.api.routes;

import java.time.Duration;
import java.util.Objects;

/**
 * A Lambda function of the API's artifact: its name, the handler class the runtime calls (a name, not a
 * class, so that CDK reads it without the API jar), and its limits. The local gateway and pollers and the
 * CDK stack all read these, so they cannot drift apart.
 */
public record FunctionSpec(String name, String handlerClass, Duration timeout, int memoryMb) {

    public FunctionSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handlerClass, "handlerClass");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a function's timeout must be positive: " + name);
        }
        if (memoryMb <= 0) {
            throw new IllegalArgumentException("a function's memory must be positive: " + name);
        }
    }
}
