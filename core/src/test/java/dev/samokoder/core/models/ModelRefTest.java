package dev.samokoder.core.models;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelRefTest {

    @Test
    void parse_splitsAtTheFirstColonOnly_soBedrockIdsKeepTheirs() {
        // given
        String text = "bedrock:anthropic.claude-3-5-sonnet-20240620-v1:0";

        // when
        ModelRef model = ModelRef.parse(text);

        // then
        assertThat(model.provider()).isEqualTo(Provider.BEDROCK);
        assertThat(model.model()).isEqualTo("anthropic.claude-3-5-sonnet-20240620-v1:0");
        assertThat(model).hasToString(text);
    }

    @Test
    void parse_knowsEveryProviderByItsWireName() {
        assertThat(ModelRef.parse("openai:gpt-4o").provider()).isEqualTo(Provider.OPENAI);
        assertThat(ModelRef.parse("anthropic:claude-haiku-4-5").provider()).isEqualTo(Provider.ANTHROPIC);
        assertThat(ModelRef.parse("openai-compatible:llama3.1:8b").provider()).isEqualTo(Provider.OPENAI_COMPATIBLE);
        assertThat(ModelRef.parse("replay:transcript").provider()).isEqualTo(Provider.REPLAY);
    }

    @Test
    void parse_refusesAnUnknownProvider_namingTheKnownOnes() {
        assertThatThrownBy(() -> ModelRef.parse("gemini:pro"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gemini").hasMessageContaining("openai-compatible");
    }

    @Test
    void parse_refusesTextWithoutProviderOrModel() {
        assertThatThrownBy(() -> ModelRef.parse("gpt-4o")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelRef.parse("openai:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ModelRef.parse(":gpt-4o")).isInstanceOf(IllegalArgumentException.class);
    }
}
