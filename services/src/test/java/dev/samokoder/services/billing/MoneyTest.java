package dev.samokoder.services.billing;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    @Test
    void dollarsAndMicroDollars_convertExactly_andPrintPlainly() {
        assertThat(Money.toMicros(new BigDecimal("12.5"))).isEqualTo(12_500_000);
        assertThat(Money.toMicros(new BigDecimal("0.0000004"))).isZero();
        assertThat(Money.toMicros(new BigDecimal("0.0000005"))).isEqualTo(1);
        assertThat(Money.toUsd(10_000_000).toString()).isEqualTo("10");
        assertThat(Money.toUsd(-500_000).toString()).isEqualTo("-0.5");
        assertThat(Money.toUsd(0).toString()).isEqualTo("0");
        assertThat(Money.toUsd(1).toString()).isEqualTo("0.000001");
    }
}
