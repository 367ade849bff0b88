package dev.samokoder.core.llm;

import dev.samokoder.core.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CostMetricsTest {

    private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");
    private static final Map<String, String> LAMBDA = Map.of("AWS_LAMBDA_FUNCTION_NAME", "samokoder-dev-spec-writer",
            "POWERTOOLS_SERVICE_NAME", "samokoder-dev", "POWERTOOLS_METRICS_NAMESPACE", "Samokoder");

    @Test
    void insideLambda_aCallsCostIsOneEmfLineTheAlarmsMetricIsExtractedFrom() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new CostMetrics(LAMBDA, new PrintStream(out, true, StandardCharsets.UTF_8)).record(new BigDecimal("0.01234"), AT);

        JsonNode line = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8).strip());
        JsonNode definition = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(AT.toEpochMilli());
        assertThat(definition.path("Namespace").asText()).isEqualTo("Samokoder");
        assertThat(definition.path("Dimensions").get(0).get(0).asText()).isEqualTo("Service");
        assertThat(definition.path("Metrics").get(0).path("Name").asText()).isEqualTo("LlmCostUsd");
        assertThat(line.path("Service").asText()).isEqualTo("samokoder-dev");
        assertThat(line.path("LlmCostUsd").decimalValue()).isEqualByComparingTo("0.01234");
    }

    @Test
    void outsideLambda_nothingIsWritten() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        new CostMetrics(Map.of("POWERTOOLS_SERVICE_NAME", "samokoder-dev"), new PrintStream(out, true, StandardCharsets.UTF_8))
                .record(BigDecimal.ONE, AT);

        assertThat(out.size()).isZero();
    }
}
