package dev.samokoder.tools.bench;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.MDC;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Counts the bytes each workflow step sends to and receives from DynamoDB and S3: request and
 * response bodies as they cross the HTTP client, attributed to the step by the {@code agent} MDC
 * key the step handler sets (calls outside a step count as "(api)" or "(sandbox)").
 */
final class IoMeter implements ExecutionInterceptor {

    /** Bytes one step moved to and from one service, and over how many calls. */
    static final class Tally {
        final LongAdder calls = new LongAdder();
        final LongAdder sent = new LongAdder();
        final LongAdder received = new LongAdder();
    }

    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> operations = new ConcurrentHashMap<>();

    void reset() {
        tallies.clear();
        operations.clear();
    }

    /** How many requests each step made, by "step service operation", e.g. {@code CODE_MONKEY DynamoDb PutItem}. */
    Map<String, Long> operations() {
        Map<String, Long> counts = new TreeMap<>();
        operations.forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    /** By "step service", e.g. {@code ROUTE DynamoDb}. */
    Map<String, Tally> snapshot() {
        return new TreeMap<>(tallies);
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Tally tally = tally(attributes);
        tally.calls.increment();
        operations.computeIfAbsent(step() + " " + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + " "
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), key -> new LongAdder()).increment();
        Optional<RequestBody> body = context.requestBody();
        body.flatMap(RequestBody::optionalContentLength).ifPresent(tally.sent::add);
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        Tally tally = tally(attributes);
        return context.responseBody().map(stream -> new FilterInputStream(stream) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    tally.received.increment();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = super.read(buffer, offset, length);
                if (n > 0) {
                    tally.received.add(n);
                }
                return n;
            }
        });
    }

    private Tally tally(ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        return tallies.computeIfAbsent(step() + " " + service, key -> new Tally());
    }

    /** The workflow function (its MDC key), else the engine's task thread's state, else the API, else unattributed (the sandbox's snapshot transfers run on their own threads). */
    private static String step() {
        String agent = MDC.get("agent");
        if (agent != null) {
            return agent;
        }
        if (MDC.get("route") != null) {
            return "(api)";
        }
        String thread = Thread.currentThread().getName();
        return thread.startsWith("sfn-task-") ? thread.substring("sfn-task-".length()) : "(unattributed)";
    }
}
