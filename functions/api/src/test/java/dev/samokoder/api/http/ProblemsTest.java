package dev.samokoder.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.shared.apikeys.ApiKeyQuotaExceededException;
import dev.samokoder.shared.billing.InsufficientCreditException;
import dev.samokoder.shared.http.Json;
import dev.samokoder.shared.http.Problem;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The problems the billing and key rules answer with (the runs API throws {@link InsufficientCreditException} before a run). */
class ProblemsTest {

    @Test
    void noCreditForAPlatformRun_isA402ThatSaysHowToTopUp() throws Exception {
        Problems.Mapped mapped = Problems.of(new InsufficientCreditException(BigDecimal.ZERO), "req-1");

        Problem problem = mapped.problem();
        assertThat(problem.status()).isEqualTo(402);
        assertThat(problem.type()).isEqualTo(Problem.TYPE_BASE + "insufficient-credit");
        JsonNode body = Json.mapper().readTree(problem.toJson());
        assertThat(body.path("detail").asText()).contains("Top up", "POST /v1/admin/users/{userId}/credit", "PUT /v1/llm-keys/{provider}");
        assertThat(body.path("balanceUsd").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aKeyOverItsMonthlyQuota_isA429UntilTheMonthEnds() {
        Problems.Mapped mapped = Problems.of(new ApiKeyQuotaExceededException(5, Duration.ofHours(3)), "req-2");

        assertThat(mapped.problem().status()).isEqualTo(429);
        assertThat(mapped.problem().type()).isEqualTo(Problem.TYPE_BASE + "quota-exceeded");
        assertThat(mapped.retryAfter()).isEqualTo(Duration.ofHours(3));
    }
}
