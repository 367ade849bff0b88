package dev.samokoder.tools.bench;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One cold start, in a fresh JVM that {@link ApiBenchmark} starts with a function's Lambda jar: builds the
 * handler as the Lambda runtime does (its no-argument constructor, which reads the environment) and hands
 * it one event, then prints {@code COLD_START <jvm start to main> <constructor> <first answer>} in
 * milliseconds and exits. The events: the API {@code GET /v1/projects} with {@code BENCH_ACCESS_TOKEN};
 * an agent step (Route) for a run that does not exist (answered with its named error after one read); a
 * queue consumer one message it cannot use; the reaper its schedule. Deliberately small: only the JDK and
 * the Lambda interfaces, which every function jar has.
 */
public final class ColdStart {

    public static final String MARKER = "COLD_START";

    private ColdStart() {
    }

    @SuppressWarnings("unchecked")
    public static void main(String[] args) throws Exception {
        long jvmToMain = ManagementFactory.getRuntimeMXBean().getUptime();
        String kind = args[0];
        long start = System.nanoTime();
        RequestHandler<Object, Object> handler = (RequestHandler<Object, Object>) Class.forName(args[1])
                .getDeclaredConstructor().newInstance();
        long constructed = System.nanoTime();
        String outcome;
        try {
            Object answer = handler.handleRequest(event(kind), new BenchContext(kind));
            outcome = answer instanceof com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse http
                    ? "HTTP " + http.getStatusCode() : "answered";
        } catch (RuntimeException e) {
            outcome = "answered with " + e.getClass().getSimpleName(); // what Lambda returns as the function's error
        }
        long answered = System.nanoTime();
        System.out.printf("%n%s %d %d %d %s%n", MARKER, jvmToMain, (constructed - start) / 1_000_000, (answered - constructed) / 1_000_000,
                outcome.replace(' ', '_'));
        System.exit(0);
    }

    private static Object event(String kind) {
        return switch (kind) {
            case "api" -> {
                var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath("/v1/projects")
                        .withProtocol("HTTP/1.1").withSourceIp("127.0.0.1").withUserAgent("bench").build();
                var context = APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId(UUID.randomUUID().toString())
                        .withRouteKey("GET /v1/projects").withStage("$default").withHttp(http)
                        .withTimeEpoch(System.currentTimeMillis()).build();
                yield APIGatewayV2HTTPEvent.builder().withVersion("2.0").withRouteKey("GET /v1/projects").withRawPath("/v1/projects")
                        .withRawQueryString("").withHeaders(Map.of("authorization", "Bearer " + System.getenv("BENCH_ACCESS_TOKEN"),
                                "host", "localhost")).withRequestContext(context).withIsBase64Encoded(false).build();
            }
            case "step" -> new java.util.HashMap<>(Map.of("runId", "run_00000000000000000000"));
            case "queue" -> {
                SQSEvent.SQSMessage message = new SQSEvent.SQSMessage();
                message.setMessageId(UUID.randomUUID().toString());
                message.setBody("{}");
                message.setEventSourceArn("arn:aws:sqs:us-east-1:000000000000:bench");
                message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
                SQSEvent event = new SQSEvent();
                event.setRecords(List.of(message));
                yield event;
            }
            case "reaper" -> new ScheduledEvent();
            default -> throw new IllegalArgumentException("no event for " + kind);
        };
    }

    /** What the Lambda runtime hands a handler, as far as ours read it. */
    private record BenchContext(String name) implements Context {

        @Override
        public String getAwsRequestId() {
            return UUID.randomUUID().toString();
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + name;
        }

        @Override
        public String getLogStreamName() {
            return "bench";
        }

        @Override
        public String getFunctionName() {
            return name;
        }

        @Override
        public String getFunctionVersion() {
            return "1";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:000000000000:function:" + name;
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.err.write(message, 0, message.length);
                }
            };
        }
    }
}
