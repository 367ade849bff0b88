package dev.samokoder.llm.context;

import dev.samokoder.core.llm.ContextTooLargeException;
import dev.samokoder.core.models.ModelPrices;
import dev.samokoder.core.models.ModelRef;
import dev.samokoder.core.models.ModelSpec;
import java.math.BigDecimal;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContextFitTest {

    private static final ModelSpec SMALL = new ModelSpec(ModelRef.parse("openai-compatible:tiny"),
            new ModelPrices(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), 1000, 300);

    @Test
    void aPromptThatFitsWithItsOutputAllowance_passes() {
        assertThatCode(() -> ContextFit.check(SMALL, 700, 300)).doesNotThrowAnyException();
    }

    @Test
    void aPromptThatDoesNotFitWithItsOutputAllowance_isTheNamedError() {
        assertThatThrownBy(() -> ContextFit.check(SMALL, 701, 300))
                .isInstanceOfSatisfying(ContextTooLargeException.class, e -> {
                    assertThat(e.promptTokens()).isEqualTo(701);
                    assertThat(e.maxOutputTokens()).isEqualTo(300);
                    assertThat(e.contextWindow()).isEqualTo(1000);
                    assertThat(e.code()).isEqualTo("context_too_large");
                });
    }

    @Test
    void theOutputAllowance_isTheRequest_elseTheDefault_neverAboveTheModelsLimit() {
        assertThat(ContextFit.outputAllowance(SMALL, OptionalInt.of(100), 200)).isEqualTo(100);
        assertThat(ContextFit.outputAllowance(SMALL, OptionalInt.empty(), 200)).isEqualTo(200);
        assertThat(ContextFit.outputAllowance(SMALL, OptionalInt.of(5000), 200)).isEqualTo(300);
        assertThat(ContextFit.outputAllowance(SMALL, OptionalInt.empty(), 8192)).isEqualTo(300);
    }

    @Test
    void promptTokensLeft_saysWhatAStepMayStillAdd() {
        assertThat(ContextFit.promptTokensLeft(SMALL, 200, 300)).isEqualTo(500);
        assertThat(ContextFit.promptTokensLeft(SMALL, 900, 300)).isZero();
    }
}
