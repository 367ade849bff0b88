package dev.samokoder.core.models;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PriceTableTest {

    private final PriceTable table = PriceTable.builtIn();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // model,                                           prompt,  cached, completion, expected USD
            "openai:gpt-4o-mini,                                1000000, 0,      1000000,    0.75000000",
            "openai:gpt-4.1,                                    10000,   4000,   2000,       0.03000000",
            "anthropic:claude-sonnet-4-5,                       10000,   0,      2000,       0.06000000",
            "anthropic:claude-haiku-4-5,                        12000,   2000,   1000,       0.01520000",
            "bedrock:amazon.nova-pro-v1:0,                      100000,  0,      10000,      0.11200000",
            "bedrock:us.anthropic.claude-sonnet-4-5-20250929-v1:0, 1000, 0,      1000,       0.01800000",
            "openai-compatible:llama3.1:8b,                     50000,   0,      5000,       0.00000000",
            "replay:demo,                                       50000,   0,      5000,       0.00000000",
    })
    void cost_comesFromThePriceTable_forEachProviderAndModel(String model, long prompt, long cached, long completion, BigDecimal expected) {
        // given
        ModelSpec spec = table.find(ModelRef.parse(model)).orElseThrow();

        // when
        BigDecimal cost = spec.prices().cost(prompt, cached, completion);

        // then
        assertThat(cost).isEqualByComparingTo(expected);
    }

    @Test
    void cost_billsCachedPromptTokensAtTheCachedPrice() {
        // given: gpt-4o input $2.50, cached input $1.25, output $10 per million
        ModelPrices prices = table.find(ModelRef.parse("openai:gpt-4o")).orElseThrow().prices();

        // when
        BigDecimal allCached = prices.cost(1_000_000, 1_000_000, 0);
        BigDecimal noneCached = prices.cost(1_000_000, 0, 0);

        // then
        assertThat(allCached).isEqualByComparingTo("1.25");
        assertThat(noneCached).isEqualByComparingTo("2.50");
    }

    @Test
    void maximumCost_roundsUp_soAReservationNeverFallsShort() {
        // given: one token of nova-micro input is $0.000000035, below the ledger's 8 decimals
        ModelPrices prices = table.find(ModelRef.parse("bedrock:amazon.nova-micro-v1:0")).orElseThrow().prices();

        // when
        BigDecimal reserved = prices.maximumCost(1, 0);

        // then
        assertThat(reserved).isEqualByComparingTo("0.00000004");
    }

    @Test
    void spec_carriesTheModelsWindowAndOutputLimit() {
        ModelSpec spec = table.find(ModelRef.parse("anthropic:claude-sonnet-4-5")).orElseThrow();

        assertThat(spec.contextWindow()).isEqualTo(200_000);
        assertThat(spec.maxOutputTokens()).isEqualTo(64_000);
    }

    @Test
    void aModelWithoutEntryOrWildcard_isNotFound() {
        assertThat(table.find(ModelRef.parse("openai:gpt-0-unreleased"))).isEmpty();
        assertThat(table.lists(ModelRef.parse("openai:gpt-0-unreleased"))).isFalse();
    }

    @Test
    void lists_theModelsItCanPrice_byEntryOrWildcard() {
        assertThat(table.lists(ModelRef.parse("openai:gpt-4.1-mini"))).isTrue();
        assertThat(table.lists(ModelRef.parse("openai-compatible:anything"))).isTrue();
        assertThat(table.lists(ModelRef.parse("openai:gpt-0-unreleased"))).isFalse();
    }

    @Test
    void spec_ofAnyOpenAiCompatibleModel_usesTheWildcardEntry_underItsOwnName() {
        ModelSpec spec = table.find(ModelRef.parse("openai-compatible:qwen2.5-coder:32b")).orElseThrow();

        assertThat(spec.model()).hasToString("openai-compatible:qwen2.5-coder:32b");
        assertThat(spec.contextWindow()).isPositive();
    }
}
