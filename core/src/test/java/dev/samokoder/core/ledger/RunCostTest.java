package dev.samokoder.core.ledger;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunCostTest {

    @Test
    void moneyIsShownInCentsFromACentUp_withTwoSignificantDigitsBelow_andZeroAsZero() {
        assertThat(RunCost.usd(new BigDecimal("0E-8"))).isEqualTo("$0");
        assertThat(RunCost.usd(new BigDecimal("0.07000000"))).isEqualTo("$0.07");
        assertThat(RunCost.usd(new BigDecimal("12.345"))).isEqualTo("$12.35");
        assertThat(RunCost.usd(new BigDecimal("0.00312345"))).isEqualTo("$0.0031");
        assertThat(RunCost.usd(new BigDecimal("0.00000004"))).isEqualTo("$0.00000004");
        assertThat(RunCost.usd(new BigDecimal("-0.5"))).isEqualTo("-$0.50");
    }

    @Test
    void theSummaryNamesCallsTotalAgentsRefusalsAndReplay() {
        RunCost cost = new RunCost("run_1", new BigDecimal("0.00000000"), 19, 1, 0,
                Map.of("SpecWriter", new AgentCost("SpecWriter", new BigDecimal("0E-8"), 2, 10, 0, 20),
                        "Architect", new AgentCost("Architect", new BigDecimal("0E-8"), 1, 10, 0, 20)), true);

        assertThat(cost.summary()).isEqualTo("19 model call(s), $0 (Architect $0, SpecWriter $0); 1 refused by a budget; "
                + "responses were replayed from a recorded transcript");
    }
}
