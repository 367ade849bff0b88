package dev.samokoder.local.gateway;

import dev.samokoder.api.routes.FunctionSpec;
import dev.samokoder.core.testing.MovableClock;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LocalLambdaContextTest {

    private static final FunctionSpec API = new FunctionSpec("samokoder-api", "dev.samokoder.api.ApiHandler", Duration.ofSeconds(29), 1024);

    @Test
    void remainingTimeCountsDownToTheFunctionsTimeoutAndStopsAtZero() {
        MovableClock clock = new MovableClock(Instant.parse("2026-11-24T12:00:00Z"));
        LocalLambdaContext context = new LocalLambdaContext(API, "req-1", clock);

        assertThat(context.getRemainingTimeInMillis()).isEqualTo(29_000);
        clock.advance(Duration.ofMillis(1_500));
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(27_500);
        clock.advance(Duration.ofSeconds(60));
        assertThat(context.getRemainingTimeInMillis()).isZero();
    }

    @Test
    void describesTheInvocationAsLambdaWould() {
        LocalLambdaContext context = new LocalLambdaContext(API, "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
                new MovableClock(Instant.parse("2026-11-24T12:00:00Z")));

        assertThat(context.getAwsRequestId()).isEqualTo("c6af9ac6-7b61-11e6-9a41-93e8deadbeef");
        assertThat(context.getFunctionName()).isEqualTo("samokoder-api");
        assertThat(context.getFunctionVersion()).isEqualTo("$LATEST");
        assertThat(context.getInvokedFunctionArn()).isEqualTo("arn:aws:lambda:local:000000000000:function:samokoder-api");
        assertThat(context.getMemoryLimitInMB()).isEqualTo(1024);
        assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/samokoder-api");
        assertThat(context.getIdentity()).isNull();
        assertThat(context.getClientContext()).isNull();
    }

    @Test
    void theLoggerWritesEachLineWithTheRequestId() {
        Logger logger = (Logger) LoggerFactory.getLogger("lambda.samokoder-api");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            LocalLambdaContext context = new LocalLambdaContext(API, "req-42", new MovableClock(Instant.parse("2026-11-24T12:00:00Z")));

            context.getLogger().log("cold start\n");
            context.getLogger().log("bytes too".getBytes(StandardCharsets.UTF_8));

            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("[req-42] cold start", "[req-42] bytes too");
        } finally {
            logger.detachAppender(lines);
        }
    }
}
