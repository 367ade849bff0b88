package dev.samokoder.services.billing;

import dev.samokoder.core.domain.Ids;
import dev.samokoder.core.llm.CallScope;
import dev.samokoder.core.llm.TokenUsage;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.testing.LocalAws;
import dev.samokoder.core.testing.LocalAwsExtension;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(LocalAwsExtension.class)
class MeteredBillingIT {

    @Test
    void byokCallsAreShownNotCharged_platformCallsAreChargedAtCostTimesMarkupOnce(LocalAws aws) {
        // given
        var table = aws.storage().table();
        var credit = new CreditLedger(table, Clock.systemUTC());
        var meter = new UsageMeter(aws.clients().dynamoDb(), table, Clock.systemUTC());
        var billing = new MeteredBilling(meter, credit, new BigDecimal("1.5"), Optional.empty());
        String userId = Ids.newId("usr");
        String projectId = Ids.newId("prj");
        CallScope scope = CallScope.of(Ids.newId("run"), projectId, userId, "SpecWriter");
        credit.topUp(userId, 10_000_000, "top-up", "usr_admin");

        // when: one call on the user's own key, one on the platform's Bedrock
        billing.recordCall(scope, "llm_byok", ModelRef.parse("openai:gpt-4.1"), new TokenUsage(1000, 0, 200, false), new BigDecimal("0.02"));
        billing.recordCall(scope, "llm_platform", ModelRef.parse("bedrock:amazon.nova-pro-v1:0"), new TokenUsage(2000, 0, 500, false),
                new BigDecimal("0.4"));

        // then: $0.40 × 1.5 = $0.60 charged; the BYOK $0.02 shown only
        assertThat(credit.balance(userId).balanceMicros()).isEqualTo(9_400_000);
        var rows = meter.month(userId, YearMonth.now(ZoneOffset.UTC));
        assertThat(rows).hasSize(1);
        var row = rows.getFirst();
        assertThat(row.projectId()).isEqualTo(projectId);
        assertThat(row.byokCostUsd()).isEqualByComparingTo("0.02");
        assertThat(row.platformCostUsd()).isEqualByComparingTo("0.4");
        assertThat(row.chargedUsd()).isEqualByComparingTo("0.6");
        assertThat(row.promptTokens()).isEqualTo(3000);
        assertThat(row.completionTokens()).isEqualTo(700);
        assertThat(row.llmCalls()).isEqualTo(2);
        assertThat(credit.allEntries(userId)).extracting(CreditEntry::reference).contains(Optional.of("llm_platform"));
        assertThat(billing.allowsPlatform(userId)).isTrue();
        assertThat(billing.allowsPlatform(Ids.newId("usr"))).as("no credit, no platform").isFalse();
    }
}
