package dev.samokoder.core.llm;

import dev.samokoder.core.http.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The dollar cost of each model call as a CloudWatch metric ({@code LlmCostUsd}, dimension
 * {@code Service}), which the stack's cost-per-hour alarm sums. Written in the embedded metric
 * format: one JSON line on standard output, which Lambda sends to CloudWatch Logs, where it
 * becomes the metric — no library and no API call in the request path. Only inside Lambda, with
 * the stack's {@code POWERTOOLS_SERVICE_NAME} and {@code POWERTOOLS_METRICS_NAMESPACE} set;
 * elsewhere it does nothing.
 */
public final class CostMetrics {

    public static final String METRIC = "LlmCostUsd";

    private final Optional<Target> target;
    private final PrintStream out;

    private record Target(String namespace, String service) {
    }

    CostMetrics(Map<String, String> environment, PrintStream out) {
        this.out = out;
        this.target = environment.containsKey("AWS_LAMBDA_FUNCTION_NAME")
                && environment.containsKey("POWERTOOLS_SERVICE_NAME") && environment.containsKey("POWERTOOLS_METRICS_NAMESPACE")
                ? Optional.of(new Target(environment.get("POWERTOOLS_METRICS_NAMESPACE"), environment.get("POWERTOOLS_SERVICE_NAME")))
                : Optional.empty();
    }

    public static CostMetrics fromEnvironment() {
        return new CostMetrics(System.getenv(), System.out);
    }

    public void record(BigDecimal costUsd, Instant at) {
        target.ifPresent(t -> out.println(line(t.namespace(), t.service(), costUsd, at)));
    }

    /** One EMF document: the metric's definition under {@code _aws}, and its value and dimension as top-level members. */
    static String line(String namespace, String service, BigDecimal costUsd, Instant at) {
        ObjectNode root = Json.mapper().createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", at.toEpochMilli());
        ObjectNode definition = aws.putArray("CloudWatchMetrics").addObject();
        definition.put("Namespace", namespace);
        definition.putArray("Dimensions").addArray().add("Service");
        definition.putArray("Metrics").addObject().put("Name", METRIC).put("Unit", "None");
        root.put("Service", service);
        root.put(METRIC, costUsd);
        return root.toString();
    }
}
