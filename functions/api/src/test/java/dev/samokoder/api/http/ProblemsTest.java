package dev.samokoder.api.http;

import dev.samokoder.core.http.Json;
import dev.samokoder.core.http.Problem;
import dev.samokoder.services.apikeys.ApiKeyQuotaExceededException;
import dev.samokoder.services.billing.InsufficientCreditException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

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
