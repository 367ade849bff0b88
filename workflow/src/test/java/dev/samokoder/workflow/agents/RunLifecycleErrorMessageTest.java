package dev.samokoder.workflow.agents;

import dev.samokoder.core.llm.BudgetExceededException.Budget;
import dev.samokoder.core.llm.BudgetExceededException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunLifecycleErrorMessageTest {

    @Test
    void aBudgetRefusalsLambdaErrorDocument_becomesTheRefusalsOwnMessage() {
        // given: the cause PauseForBudget receives, as a Java Lambda (or the local engine) reports a BudgetExceededException
        String message = new BudgetExceededException(Budget.PROJECT, new BigDecimal("3"), Optional.of(new BigDecimal("2.9")),
                new BigDecimal("0.5")).getMessage();
        String cause = JsonNodeFactory.instance.objectNode().put("errorMessage", message)
                .put("errorType", BudgetExceededException.class.getName()).toString();

        // when / then
        assertThat(RunLifecycle.errorMessage(cause)).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("budget reached: the project budget of $3").endsWith("raise it to continue")
                .doesNotContain("errorType"));
    }

    @Test
    void quotesInsideTheMessage_surviveIntact() {
        String cause = "{\"errorMessage\":\"the file \\\"a.js\\\" is missing\",\"errorType\":\"x.Y\"}";

        assertThat(RunLifecycle.errorMessage(cause)).contains("the file \"a.js\" is missing");
    }

    @Test
    void aCauseThatIsNotALambdaDocument_isKept_andABlankOneIsNothing() {
        assertThat(RunLifecycle.errorMessage("the task was stopped")).contains("the task was stopped");
        assertThat(RunLifecycle.errorMessage("{not json")).contains("{not json");
        assertThat(RunLifecycle.errorMessage(" ")).isEmpty();
        assertThat(RunLifecycle.errorMessage(null)).isEmpty();
    }
}
