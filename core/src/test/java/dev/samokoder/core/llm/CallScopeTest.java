package dev.samokoder.core.llm;

import dev.samokoder.core.domain.AutonomyMode;
import dev.samokoder.core.domain.Project;
import dev.samokoder.core.domain.ProjectSettings;
import dev.samokoder.core.models.ModelOverrides;
import dev.samokoder.core.models.ModelRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallScopeTest {

    @Test
    void aProjectsScope_chargesItsOwner_underItsBudget() {
        // given
        Project project = new Project("prj_1", "usr_owner", "Todo", "a todo app",
                new ProjectSettings(Optional.of(new BigDecimal("5")), AutonomyMode.INTERACTIVE), Instant.EPOCH, Instant.EPOCH, 1);

        // when
        CallScope scope = CallScope.forProject("run_1", project, "SpecWriter");

        // then
        assertThat(scope.projectId()).isEqualTo("prj_1");
        assertThat(scope.userId()).isEqualTo("usr_owner");
        assertThat(scope.projectBudgetUsd()).contains(new BigDecimal("5"));
        assertThat(scope.userMonthlyBudgetUsd()).isEmpty();
        assertThat(scope.models()).isEqualTo(ModelOverrides.none());
    }

    @Test
    void aProjectsScope_carriesTheProjectsModelChoices() {
        // given
        ModelOverrides models = new ModelOverrides(Optional.of(ModelRef.parse("openai:gpt-4.1-mini")),
                Map.of("CodeMonkey", ModelRef.parse("anthropic:claude-haiku-4-5")));
        Project project = new Project("prj_1", "usr_owner", "Todo", "", ProjectSettings.defaults().withModels(models),
                Instant.EPOCH, Instant.EPOCH, 1);

        // when / then
        assertThat(CallScope.forProject("run_1", project, "CodeMonkey").models()).isEqualTo(models);
    }

    @Test
    void namesThatWouldBreakALedgerKey_areRefused() {
        assertThatThrownBy(() -> CallScope.of("run#1", "prj_1", "usr_1", "SpecWriter")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CallScope.of("run_1", "prj_1", "usr_1", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNegativeBudget_isRefused() {
        assertThatThrownBy(() -> CallScope.of("run_1", "prj_1", "usr_1", "SpecWriter").withProjectBudget(new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
