package dev.samokoder.api.routing;

import java.time.Duration;

/**
 * A Lambda function of the platform: its name, the handler class the runtime calls, and its
 * limits. The local gateway and the CDK stack both read these, so the two cannot drift apart.
 */
public record FunctionSpec(String name, String handlerClass, Duration timeout, int memoryMb) {
}
